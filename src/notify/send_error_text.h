/*
 * send_error_text.h - Chinese wording, chosen by libcurl's error code, of
 * why a message could not reach a group robot.  Operators read it in the
 * console (最近错误); curl's own text (curl_easy_strerror) is English.
 */
#ifndef GM_NOTIFY_SEND_ERROR_TEXT_H
#define GM_NOTIFY_SEND_ERROR_TEXT_H

/* A fixed Chinese phrase for a CURLcode; codes without their own phrase
 * get a general one (the code itself is added by the caller). */
const char *send_error_text(int curl_code);

#endif
