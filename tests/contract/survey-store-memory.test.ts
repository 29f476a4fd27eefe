import { MemorySurveyStore } from '../../insights';
import { surveyStoreContract } from './survey-store.contract';

surveyStoreContract('memory', async () => new MemorySurveyStore());
