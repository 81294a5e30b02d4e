package com.myagents.connectors.connector;

import java.util.List;

import com.myagents.connectors.http.OutgoingRequest;

/** The requests a live run would send, in order, and what a reader needs to know about them. */
public record DryRunPlan(List<OutgoingRequest> requests, List<String> notes) {

    public DryRunPlan {
        requests = List.copyOf(requests);
        notes = List.copyOf(notes);
    }
}
