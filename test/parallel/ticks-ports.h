/* Included by ticks.d through -I (the coordinator preprocesses for its workers). */
#define NTP 123
