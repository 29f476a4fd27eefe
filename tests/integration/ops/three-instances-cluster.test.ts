import { sharedShape } from '../../support/shape-clients';
import { threeInstances } from './three-instances';

threeInstances('a Redis Cluster', () => sharedShape('cluster'));
