-- Demo data, applied only when the app runs with myagents.demo-data=true (Flyway then also reads
-- classpath:db/plant-demo, out of order allowed so that later schema versions still apply).
-- Customer ids match the demo logins cp-backend seeds:
--   00000000-0000-0000-0000-0000000c0001  demo@myagents.local
--   00000000-0000-0000-0000-0000000c0002  other@myagents.local

insert into subscriptions (subscription_id, customer_id, agent_type_id, status, period_start, period_end, trial_status)
values
    ('00000000-0000-0000-0000-00000000a001', '00000000-0000-0000-0000-0000000c0001', 'marketing.healthcare.v1',
     'active', now(), now() + interval '30 days', 'not_started'),
    ('00000000-0000-0000-0000-00000000a002', '00000000-0000-0000-0000-0000000c0001', 'trading.delta_futures.v1',
     'active', now(), now() + interval '30 days', 'not_started'),
    ('00000000-0000-0000-0000-00000000a003', '00000000-0000-0000-0000-0000000c0002', 'marketing.healthcare.v1',
     'active', now(), now() + interval '30 days', 'not_started');

-- Hired, not configured yet: the customer completes Configure in CP.
insert into hired_agents (hired_instance_id, subscription_id, customer_id, agent_type_id, agent_type_version,
                          nickname, config, configured)
values
    ('00000000-0000-0000-0000-00000000b001', '00000000-0000-0000-0000-00000000a001',
     '00000000-0000-0000-0000-0000000c0001', 'marketing.healthcare.v1', '1.0.0',
     'Clinic Marketing', '{"nickname": "Clinic Marketing"}', false),
    ('00000000-0000-0000-0000-00000000b002', '00000000-0000-0000-0000-00000000a002',
     '00000000-0000-0000-0000-0000000c0001', 'trading.delta_futures.v1', '1.0.0',
     'Delta Futures Desk', '{"nickname": "Delta Futures Desk"}', false),
    ('00000000-0000-0000-0000-00000000b003', '00000000-0000-0000-0000-00000000a003',
     '00000000-0000-0000-0000-0000000c0002', 'marketing.healthcare.v1', '1.0.0',
     'Dental Outreach', '{"nickname": "Dental Outreach"}', false);

-- One draft waiting for review, so the spine can be tried with one curl. payload_hash is the hex
-- SHA-256 of the canonical payload JSON (keys sorted, no whitespace, UTF-8), computed here from
-- the very text that becomes the payload.
with demo (canonical) as (
    values ('{"platform":"linkedin","text":"Flu season is here. Book a 10-minute flu shot at our clinic this week: walk-ins welcome, Monday to Saturday. #FluShot #HealthyHabits"}')
)
insert into deliverables (deliverable_id, goal_template_id, hired_instance_id, subscription_id, customer_id,
                          kind, state, payload, proposed_actions, payload_hash, suggested_for)
select '00000000-0000-0000-0000-00000000d001', 'marketing.daily_education_micropost',
       '00000000-0000-0000-0000-00000000b001', '00000000-0000-0000-0000-00000000a001',
       '00000000-0000-0000-0000-0000000c0001', 'social_post', 'pending_review',
       canonical::jsonb, '["publish"]'::jsonb, encode(sha256(convert_to(canonical, 'UTF8')), 'hex'),
       now() + interval '1 day'
from demo;
