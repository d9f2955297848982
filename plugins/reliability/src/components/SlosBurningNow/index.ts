export { SlosBurningNow, measuredCoverage } from './SlosBurningNow';
