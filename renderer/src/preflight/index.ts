export { PreflightPanel, type PreflightPanelProps } from './PreflightPanel';
