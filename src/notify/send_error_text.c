/*
 * send_error_text.c - libcurl error codes to Chinese (see send_error_text.h).
 * Grouped by what an operator can do about them: the address, the network,
 * the robot's server, the time-out.
 */
#include "notify/send_error_text.h"

#include <curl/curl.h>

const char *send_error_text(int curl_code)
{
    switch ((CURLcode)curl_code) {
    case CURLE_UNSUPPORTED_PROTOCOL:
        return "机器人地址的协议不受支持(应为 https:// 或 http://)";
    case CURLE_URL_MALFORMAT:
        return "机器人地址格式不正确";
    case CURLE_COULDNT_RESOLVE_PROXY:
        return "无法解析代理服务器的域名";
    case CURLE_COULDNT_RESOLVE_HOST:
        return "无法解析机器人地址的域名(请检查地址或本机的域名解析)";
    case CURLE_COULDNT_CONNECT:
        return "无法连接机器人服务器(对方未开放或网络不通)";
    case CURLE_OPERATION_TIMEDOUT:
        return "连接机器人服务器超时";
    case CURLE_SSL_CONNECT_ERROR:
        return "与机器人服务器建立加密连接失败";
    case CURLE_PEER_FAILED_VERIFICATION:
        return "机器人服务器的证书校验未通过";
    case CURLE_SSL_CACERT_BADFILE:
        return "本机的根证书文件无法读取";
    case CURLE_GOT_NOTHING:
        return "机器人服务器没有返回任何内容";
    case CURLE_SEND_ERROR:
        return "向机器人服务器发送数据失败(连接中断)";
    case CURLE_RECV_ERROR:
        return "接收机器人服务器的应答失败(连接中断)";
    case CURLE_WEIRD_SERVER_REPLY:
        return "机器人服务器的应答无法识别";
    case CURLE_TOO_MANY_REDIRECTS:
        return "机器人地址重定向次数过多";
    case CURLE_OUT_OF_MEMORY:
        return "本机内存不足";
    default:
        return "网络错误";
    }
}
