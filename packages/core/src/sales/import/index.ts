export {
  SALE_FIELDS,
  SALE_PRESETS,
  MappingError,
  checkMapping,
  headerlessCdnow,
  isHeaderRow,
  isSaleField,
  locateColumns,
  mappingFrom,
  presetMapping,
  type DateOrder,
  type SaleField,
  type SaleMapping,
  type SalePreset,
} from './sale-mapping.ts';
export { parseAmount, parseLocalDateTime, parseQuantity } from './sale-values.ts';
export {
  isRejection,
  readSaleRow,
  type CustomerTraits,
  type RejectCode,
  type Rejection,
  type RowContext,
  type SaleLine,
} from './sale-row.ts';
export { planSales, type PlannedOrder, type PlannedRefund, type SalePlan } from './sale-plan.ts';
export { splitRecords, type NumberedRecord } from './csv-records.ts';
