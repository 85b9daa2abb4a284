-- @@stderr --
dtrace: failed to compile script test/unittest/actions/printf/err.D_PRINTF_DYN_PROTO.missing_width-2.d: [D_PRINTF_DYN_PROTO] line 19: printf( ) prototype mismatch: conversion #1 (%d) is missing a corresponding "*" argument
