-- Stream outputs the materializer could not write (unreadable, or refused by the database for
-- good), as it read them back from its dead-letter topic: one row per original record, so an
-- operator sees in PP what was skipped, where it came from and why. A database outage never
-- puts a record here (the materializer waits it out).
create table dead_letters (
    source_topic       varchar(200) not null,
    source_partition   integer      not null,
    source_offset      bigint       not null,
    record_key         varchar(500),
    error              varchar(2000) not null,
    record_value       varchar(4000),
    dead_lettered_at   timestamp with time zone not null,
    primary key (source_topic, source_partition, source_offset)
);

create index dead_letters_newest on dead_letters (dead_lettered_at desc);
