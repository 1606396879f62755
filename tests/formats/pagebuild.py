"""A report wrapped the way a government website publishes it, for tests."""

from __future__ import annotations

import html

HEAD = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}_政务公开_某市人民政府</title>
<link rel="stylesheet" href="/css/common.css">
<style>
  .header {{ background: #b60000; }} p {{ text-indent: 2em; }}
</style>
<script src="/js/jquery.min.js"></script>
<script>
  var _hmt = _hmt || [];
  document.write("<p>一、脚本写的不是正文</p>");
</script>
</head>
<body>
<div class="header">
  <div class="logo"><img src="/images/logo.png" alt="某市人民政府"></div>
  <ul class="nav">
    <li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li>
    <li><a href="/hdjl/">互动交流</a></li><li><a href="/bsfw/">办事服务</a></li>
  </ul>
  <form action="/search" class="search"><input type="text" name="q" placeholder="请输入关键词"><button>搜索</button></form>
</div>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 法治政府建设</div>
<div class="main-content">
<div class="TRS_Editor">
"""

TAIL = """</div>
<div class="print"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
</div>
<div class="footer">
  <p>主办单位：某市人民政府办公室　　网站标识码：1234000000</p>
  <p>版权所有：某市人民政府　ICP备案号：京ICP备00000000号</p>
</div>
<script>
  (function () { var s = document.createElement("script"); s.src = "https://hm.example.com/hm.js"; })();
</script>
</body>
</html>
"""


def page(text: str, title: str = "", charset: str = "utf-8") -> tuple[str, dict[int, int]]:
    """The page's markup, and text line -> the page line that holds it.

    Each non-blank line of text becomes one <p> on a line of its own.
    """
    head = HEAD.format(charset=charset, title=html.escape(title))
    out = [head]
    where: dict[int, int] = {}
    line_no = head.count("\n") + 1
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        out.append(f"<p>{html.escape(line.strip(), quote=False)}</p>\n")
        where[number] = line_no
        line_no += 1
    out.append(TAIL)
    return "".join(out), where
