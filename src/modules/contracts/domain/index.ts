export {
  BOND_BASES,
  CONTRACT_STATUSES,
  PAYMENT_MODES,
  type BondBasis,
  type ContractStatus,
  type PaymentMode,
} from "./contract-enums";
