export { EntityTable } from './EntityTable';
export type { EntityTableProps } from './EntityTable';
export { useEntityPage, ENTITY_PAGE_SIZE } from './useEntityPage';
