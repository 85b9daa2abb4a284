/*
 * Oracle Linux DTrace.
 * Copyright (c) 2023, Oracle and/or its affiliates. All rights reserved.
 * Licensed under the Universal Permissive License v 1.0 as shown at
 * http://oss.oracle.com/licenses/upl.
 */

/*
 * In the absence of "pspec", this ambiguous expression would seem to have
 * a syntax error near the end -- that is, after what is thought to be a
 * declaration.
 */

int*x
