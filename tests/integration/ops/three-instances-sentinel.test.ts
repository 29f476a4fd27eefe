import { sharedShape } from '../../support/shape-clients';
import { threeInstances } from './three-instances';

threeInstances('Redis Sentinel', () => sharedShape('sentinel'));
