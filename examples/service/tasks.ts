/** The service's task map: declared once, checked at every `enqueue` and every handler. */
export interface Tasks {
  /** Score how significant a newly written memory is, and pin the pivotal ones. */
  significance: {
    memoryId: number;
    narrativeText: string;
    hostBotId: string;
  };
}
