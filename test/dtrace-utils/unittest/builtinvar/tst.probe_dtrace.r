dtrace:::BEGIN
dtrace:::ERROR
dtrace:::END

-- @@stderr --
dtrace: error in dt_clause_3 for probe ID 1 (dtrace:::BEGIN): invalid address ({ptr}) at BPF pc NNN
