-- Relevance ranks the ads whose headline or occupation matches the whole query first; this index
-- finds them without reading every ad that mentions a common word somewhere in its text.
CREATE INDEX job_index_title ON job_index USING gin (title);
