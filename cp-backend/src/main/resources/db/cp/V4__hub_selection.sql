-- The hired agent each customer opened last: the hub opens it first next time.
CREATE TABLE hub_selection (
    customer_id        uuid                     NOT NULL,
    hired_instance_id  uuid                     NOT NULL,
    selected_at        timestamp with time zone NOT NULL DEFAULT now(),
    CONSTRAINT hub_selection_pk PRIMARY KEY (customer_id),
    CONSTRAINT hub_selection_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (customer_id)
);
