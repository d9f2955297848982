export { OnCallDetails, type OnCallDetailsProps } from './OnCallDetails';
