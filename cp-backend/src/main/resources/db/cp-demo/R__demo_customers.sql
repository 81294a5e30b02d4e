-- Demo customers of the embedded default (myagents.demo-data=true). bcrypt hashes (cost 12) of
-- "demo-password" and "other-password"; idempotent so a re-run changes nothing.
INSERT INTO customers (customer_id, email, password_hash, display_name)
VALUES ('00000000-0000-0000-0000-0000000c0001', 'demo@myagents.local',
        '$2b$12$vhgEPqVy0y5muJSp9s1evu0/iqsbH58k6Qg7pMuF4.IT142C6FSkS', 'Demo Clinic'),
       ('00000000-0000-0000-0000-0000000c0002', 'other@myagents.local',
        '$2b$12$zJNv8RJMeUL5DAs4kO./POpo1Pkuci77O1EKp5KokGMEYKqR6MtPC', 'Other Practice')
ON CONFLICT (customer_id) DO NOTHING;
