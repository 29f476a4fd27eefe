import { testRedisUrl } from '../../support/prefix';
import { threeInstances } from './three-instances';

threeInstances('one Redis server', () => ({ REDIS_URL: testRedisUrl() }));
