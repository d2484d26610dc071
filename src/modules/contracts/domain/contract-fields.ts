/**
 * Fields of a contract that more than one reader shows alike, as select shapes (plain objects,
 * no Prisma import): the terms the contract page and both PDFs state, and the addenda in order,
 * which the execution panel and the public OCDS snapshot (open-data) both read.
 */
export const CONTRACT_TERM_FIELDS = {
  value: true,
  hps: true,
  startsOn: true,
  endsOn: true,
  paymentMode: true,
  ppkSignatoryName: true,
  ppkSignatoryPosition: true,
  ppkSignatoryNip: true,
  vendorSignatoryName: true,
  vendorSignatoryPosition: true,
  vendorMandateNumber: true,
  vendorMandateDate: true,
  vendorMandateGrantor: true,
  bondBasis: true,
  bondPercentBp: true,
  bondAmount: true,
  bondLegalBasis: true,
} as const;

export const ADDENDA_IN_ORDER = {
  orderBy: { number: "asc" },
  select: {
    number: true,
    reason: true,
    valueBefore: true,
    valueAfter: true,
    endsOnBefore: true,
    endsOnAfter: true,
    createdAt: true,
  },
} as const;
