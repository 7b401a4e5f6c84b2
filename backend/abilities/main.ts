/*
| Bouncer abilities. Role rules live in #policies/permissions and are
| checked through policies; this file only exists because Bouncer wants it.
*/
export {}
