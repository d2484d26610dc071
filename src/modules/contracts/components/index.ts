export { ContractExecutionPanel, type ContractExecutionPanelProps, type ContractTerminView } from "./execution-panel";
