/*
 * robot_refusal.h - what an operator reads when a group robot took the
 * request but refused the message (its JSON answer carries errcode != 0).
 * A code whose meaning the robot's maker documents is said in Chinese; the
 * robot's own errmsg (usually English) follows, labelled as its own words,
 * never passed off as ours.
 */
#ifndef GM_NOTIFY_ROBOT_REFUSAL_H
#define GM_NOTIFY_ROBOT_REFUSAL_H

#include <stddef.h>

/* The Chinese meaning of errcode for a robot of kind ("wecom", "dingtalk"),
 * or NULL when it has none we are sure of. */
const char *robot_refusal_meaning(const char *kind, long long errcode);

/* "机器人拒收(错误码 N):<meaning>。机器人返回:<errmsg>" into out; without a
 * known meaning "机器人拒收(错误码 N)。机器人返回:<errmsg>"; an empty errmsg
 * drops the last part.  errmsg is cut to 200 bytes on a character boundary. */
void robot_refusal_text(const char *kind, long long errcode, const char *errmsg, char *out,
                        size_t cap);

#endif
