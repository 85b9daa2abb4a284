/*
 * CDDL HEADER START
 *
 * The contents of this file are subject to the terms of the
 * Common Development and Distribution License (the "License").
 * You may not use this file except in compliance with the License.
 *
 * You can obtain a copy of the license at usr/src/OPENSOLARIS.LICENSE
 * or http://www.opensolaris.org/os/licensing.
 * See the License for the specific language governing permissions
 * and limitations under the License.
 *
 * When distributing Covered Code, include this CDDL HEADER in each
 * file and include the License file at usr/src/OPENSOLARIS.LICENSE.
 * If applicable, add the following below this CDDL HEADER, with the
 * fields enclosed by brackets "[]" replaced with your own identifying
 * information: Portions Copyright [yyyy] [name of copyright owner]
 *
 * CDDL HEADER END
 */

/*
 * Copyright 2006 Sun Microsystems, Inc.  All rights reserved.
 * Use is subject to license terms.
 */

/*
 * ASSERTION:
 *
 * Either one of arg0 (or) arg1 should be 0 and non-zero.
 *
 * SECTION: profile Provider/tick-n probes
 *
 */


#pragma D option quiet

tick-1
/(arg0 != 0 && arg1 == 0) || (arg0 == 0 && arg1 != 0)/
{
	printf("Test passed; either arg0/arg1 is zero\n");
	exit(0);
}

tick-1
/(arg0 == 0 && arg1 == 0) || (arg0 != 0 && arg1 != 0)/
{
	printf("Test failed; either arg0 (or) arg1 should be non zero\n");
	exit(1);
}
