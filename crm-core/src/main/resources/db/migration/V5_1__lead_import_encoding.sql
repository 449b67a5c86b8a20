-- how a list was decoded, e.g. 'windows-1252 (detected)', shown in its import report
alter table lead_imports add column encoding varchar(60);
