-- @@stderr --
dtrace: failed to compile script test/unittest/actions/printf/err.D_PRINTF_ARG_PROTO.width.d: [D_PRINTF_ARG_PROTO] line 18: printf( ) prototype mismatch: conversion #1 (%d) is missing a corresponding value argument
