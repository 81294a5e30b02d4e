import { segment } from '../../shared/api';
import { client } from './client';
import type { Goal, GoalList, GoalRequest, GoalRunAccepted } from './plantTypes';

const goalsOf = (hiredInstanceId: string) => `/api/cp/hired-agents/${segment(hiredInstanceId)}/goals`;

/** An agent's goals: list, save, delete, run now. */
export const goalsApi = {
  goals: (hiredInstanceId: string) => client.get<GoalList>(goalsOf(hiredInstanceId)),

  saveGoal: (hiredInstanceId: string, request: GoalRequest) => client.put<Goal>(goalsOf(hiredInstanceId), request),

  deleteGoal: (hiredInstanceId: string, goalInstanceId: string) =>
    client.delete<void>(`${goalsOf(hiredInstanceId)}/${segment(goalInstanceId)}`),

  runGoal: (hiredInstanceId: string, goalInstanceId: string) =>
    client.post<GoalRunAccepted>(`${goalsOf(hiredInstanceId)}/${segment(goalInstanceId)}/run`),
};
