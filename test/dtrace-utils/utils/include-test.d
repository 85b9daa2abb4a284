/* @@skip: Test of inclusion, used from unittest/dtrace-util/tst.AddSearchPath.d */

#define VALUE 40404
