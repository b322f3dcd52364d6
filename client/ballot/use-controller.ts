import { useEffect, useState } from 'preact/hooks';
import type { BallotController, BallotState } from './controller';

/** The controller's current state, re-rendering on each change. */
export function useBallotState(controller: BallotController): BallotState {
  const [state, setState] = useState(controller.state);
  useEffect(() => {
    setState(controller.state);
    return controller.subscribe(setState);
  }, [controller]);
  return state;
}
