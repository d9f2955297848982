export { SloBurnDownChart, toBurnDownData } from './SloBurnDownChart';
