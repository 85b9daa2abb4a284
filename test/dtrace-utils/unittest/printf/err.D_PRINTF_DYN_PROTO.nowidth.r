-- @@stderr --
dtrace: failed to compile script test/unittest/printf/err.D_PRINTF_DYN_PROTO.nowidth.d: [D_PRINTF_DYN_PROTO] line 18: printf( ) prototype mismatch: conversion #2 (%d) is missing a corresponding "*" argument
