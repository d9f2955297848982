export { CardError, PageErrorsProvider, usePageRetry } from './PageErrors';
