package com.myagents.ingest.audit;

/** An audit row that names its customer by id, and can show the customer's display name beside it. */
interface CustomerNamed<V> {

    String customerId();

    V named(String name);
}
