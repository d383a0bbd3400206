export {
  CAPABILITIES,
  defineAdapter,
  type Capability,
  type ClientOptions,
  type ConformanceAdapter,
  type ConformanceClient,
  type ConformanceEnvironment,
  type EnqueueRequest,
  type EnqueueResult,
  type EnvironmentRequest,
  type JobContext,
  type JobHandler,
  type JsonValue,
  type PeriodicTask,
  type QueueStats,
  type Settlement,
  type SettlementOutcome,
  type StopOptions,
  type StoreBlock,
  type WorkerHandle,
  type WorkerHooks,
  type WorkerOptions,
} from './adapter.js';
export { CATALOGUE, selectTests } from './catalogue/index.js';
export { CATEGORIES, type Category, type ConformanceTest } from './catalogue/conformance-test.js';
export { checkInvariants, INVARIANTS } from './checkers/index.js';
export { buildHistoryModel, type Execution, type HistoryModel, type JobExpectation, type JobRecord } from './checkers/history-model.js';
export type { Checker, PropertyId, Violation } from './checkers/violation.js';
export type { History, HistoryEvent, HistoryEventType } from './history/history-event.js';
export { DEFAULT_KIT_SETTINGS, type KitSettings } from './harness/kit-settings.js';
export { renderJson } from './reporters/json-reporter.js';
export { renderJunit } from './reporters/junit-reporter.js';
export { renderTable } from './reporters/table-reporter.js';
export { readExpectedFailures, type ExpectedFailures } from './runner/expected-failures.js';
export { AdapterError, loadAdapter, toAdapterUrl } from './runner/load-adapter.js';
export { runSuite, type RunSuiteOptions, type SuiteReport } from './runner/run-suite.js';
export { summarize, summaryLine, type Finding, type Summary, type TestResult, type TestStatus } from './runner/test-result.js';
