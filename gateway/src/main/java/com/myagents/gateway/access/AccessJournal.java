package com.myagents.gateway.access;

/**
 * Where access records go. Today a log line; a Kafka-backed journal (an access-records topic
 * keyed by correlation_id) can replace it without touching the filter.
 */
public interface AccessJournal {

    void record(AccessRecord record);
}
