/*
 * Oracle Linux DTrace.
 * Copyright (c) 2022, Oracle and/or its affiliates. All rights reserved.
 * Licensed under the Universal Permissive License v 1.0 as shown at
 * http://oss.oracle.com/licenses/upl.
 */

/*
 * ASSERTION: The -xempty option can be used to allow empty source files
 *
 * SECTION: Options and Tunables/Consumer Options
 */

/* @@runtest-opts: -xempty */
