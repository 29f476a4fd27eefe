import { storeContractsOn } from './stores-on-shape';

// Every Redis store's contract on the run's shared Cluster (tests/support/global-setup.ts).
storeContractsOn('cluster');
