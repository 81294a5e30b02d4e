import { segment } from '../../shared/api';
import { client } from './client';
import type {
  BatchReviewRequest,
  BatchReviewResponse,
  Deliverable,
  DeliverableList,
  EditDeliverableRequest,
  ExecuteRequest,
  ExecutionAccepted,
  RegenerateAccepted,
  ReviewRequest,
} from './plantTypes';

export interface DeliverableFilters {
  state?: string;
  goal_instance_id?: string;
  platform?: string;
}

const deliverable = (deliverableId: string) => `/api/cp/deliverables/${segment(deliverableId)}`;

/** Drafts: list, read, edit, write again, review (one or a batch), execute and its status. */
export const deliverablesApi = {
  deliverables: (hiredInstanceId: string, filters: DeliverableFilters = {}) =>
    client.get<DeliverableList>(`/api/cp/hired-agents/${segment(hiredInstanceId)}/deliverables`, {
      ...filters,
      page: 0,
      size: 50,
    }),

  deliverable: (deliverableId: string) => client.get<Deliverable>(deliverable(deliverableId)),

  editDeliverable: (deliverableId: string, request: EditDeliverableRequest) =>
    client.put<Deliverable>(deliverable(deliverableId), request),

  /** Writes one post again: a new run of its goal for that post, charged like a run. */
  regenerate: (deliverableId: string) => client.post<RegenerateAccepted>(`${deliverable(deliverableId)}/regenerate`),

  review: (deliverableId: string, request: ReviewRequest) =>
    client.post<Deliverable>(`${deliverable(deliverableId)}/review`, request),

  reviewBatch: (request: BatchReviewRequest) =>
    client.post<BatchReviewResponse>('/api/cp/deliverables/review-batch', request),

  execute: (deliverableId: string, request: ExecuteRequest) =>
    client.post<ExecutionAccepted>(`${deliverable(deliverableId)}/execute`, request),

  execution: (correlationId: string) => client.get<ExecutionAccepted>(`/api/cp/executions/${segment(correlationId)}`),
};
