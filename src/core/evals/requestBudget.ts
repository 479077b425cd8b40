import { countOf } from '../text/count';

/**
 * The cap of an eval run on what it sends: every Messages request (a run's first, each continuation after
 * `pause_turn`, each grader request) takes one from the budget before it is sent; once it is spent, nothing more goes.
 */
export class RequestBudget {
  private taken = 0;
  private refused = false;

  constructor(
    /** The most requests the run may send. */
    readonly cap: number,
  ) {}

  /** Takes one request; false (and nothing may be sent) when the cap is reached. */
  take(): boolean {
    if (this.taken >= this.cap) {
      this.refused = true;
      return false;
    }
    this.taken++;
    return true;
  }

  /** Requests taken so far. */
  get sent(): number {
    return this.taken;
  }

  /** True once a request was refused: the run stopped at its cap. */
  get reached(): boolean {
    return this.refused;
  }

  /** The error of a run, continuation or grading that was not sent. */
  get refusal(): string {
    return `Not sent: the run reached its cap of ${countOf(this.cap, 'request')}.`;
  }
}
