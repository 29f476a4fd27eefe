import { testRedisUrl } from '../../support/prefix';
import { threeInstances } from './three-instances';

threeInstances('one Redis server', () => ({ kind: 'standalone', url: testRedisUrl() }));
