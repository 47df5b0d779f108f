export { readHelpSnapshot, type HelpSnapshot, type SnapshotFlag } from './read-help-snapshot.ts';
export { FlagInventory, type InventoryCommand } from './flag-inventory.ts';
export { checkFlagInventoryDir, loadFlagInventory, DEFAULT_DOCKER_CLI_DIR, FlagInventoryLoadError } from './load-flag-inventory.ts';
export { explainCommand, type ExplainOptions, type ExplainResult, type DockerCommandSummary } from './explain-command.ts';
export { describeExplainProblem, type ExplainProblem } from './explain-problem.ts';
export { explainDockerfile, type ExplainDockerfileOptions, type ExplainDockerfileResult } from './explain-dockerfile.ts';
export { DOCKERFILE_RULES } from './dockerfile-rules/index.ts';
export type { Explanation, ExplanationItem, Finding, Severity } from './explanation.ts';
export type { CommandFile, FlagSpec, OperandSpec } from './flag-inventory-schema.ts';
