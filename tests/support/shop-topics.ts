/** Twelve requests of an online shop's customers: the entries of small test KBs built in code. */
export const SHOP_TOPICS: readonly string[] = [
  'reset my password',
  'track my parcel',
  'cancel my order',
  'change my delivery address',
  'update my card details',
  'download my invoice',
  'close my account',
  'talk to customer service',
  'return a damaged item',
  'apply a discount code',
  'change the language of the site',
  'find the opening hours of the shop',
];
