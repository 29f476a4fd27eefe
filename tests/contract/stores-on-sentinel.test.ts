import { storeContractsOn } from './stores-on-shape';

// Every Redis store's contract on the run's shared Sentinel (tests/support/global-setup.ts).
storeContractsOn('sentinel');
