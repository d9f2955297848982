export { OnCallNow, OnCallPersonLine, type OnCallNowProps } from './OnCallNow';
