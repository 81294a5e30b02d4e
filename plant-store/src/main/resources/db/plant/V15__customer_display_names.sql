-- Issue 15: operators see customers by name. The customer's display name lives in cp.customers,
-- which Plant may not read; cp-backend's signed identity carries it as an optional claim and
-- ingest-api records it here beside the email (never from a body). Null until the customer has
-- called Plant with a named identity.
alter table customer_directory add column display_name varchar(200);

-- The demo customers cp-backend seeds, named as cp's demo seed names them.
-- [jooq ignore start]
update customer_directory set display_name = 'Demo Clinic'
 where customer_id = '00000000-0000-0000-0000-0000000c0001' and display_name is null;
update customer_directory set display_name = 'Other Practice'
 where customer_id = '00000000-0000-0000-0000-0000000c0002' and display_name is null;
-- [jooq ignore stop]
