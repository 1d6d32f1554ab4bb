/**
 * The exchange's transparency-log leaves (docs/transparency-log.md), one definition for the server that writes them
 * and the SDK that checks them. Object versions and tombstones are <em>sealed</em>: the public leaf holds a salted
 * commitment and audience tags only, and the details (the <em>opening</em>) go only to members who may read the
 * object. Key events and admin events are public.
 */
package org.trilateral.integrity.log;
