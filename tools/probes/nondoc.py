"""Non-documents: a column page, a 404, a login form, a search results page, a block page, listings
(a blog's index, its teasers dated in <time datetime> too), a home page, a 文库 tag page: rejected or not."""
from harness import clean
from news1 import page
items = "".join(f"<li><a href='/art/2024/8/2{i}/art_{i}.html'>城关区教育局关于做好2024年秋季学期第{i}项工作的通知</a><span>2024-08-2{i}</span></li>" for i in range(1, 10))
cases = {
 "gov_column": page("通知公告_城关区教育局", f"<div class='nav'><a>首页</a><a>机构概况</a><a>政务公开</a></div><div class='crumb'>当前位置：首页 > 通知公告</div><div class='list'><ul>{items}</ul></div><div class='page'>共 9 条 首页 上一页 1 下一页 尾页</div><div class='footer'>主办单位：城关区教育局 网站标识码：6201020001</div>"),
 "404": page("404 页面不存在", "<div class='err'><h1>404</h1><p>抱歉，您访问的页面不存在或已被删除！</p><p><a href='/'>返回首页</a> <span>5秒后自动跳转</span></p></div>"),
 "login": page("用户登录_某某文库", "<form><h2>用户登录</h2><label>手机号</label><input><label>验证码</label><input><button>获取验证码</button><button>登录</button><p>登录即代表同意《用户协议》和《隐私政策》</p><p>还没有账号？<a>立即注册</a></p></form>"),
 "search": page("“工作总结”搜索结果_某某文库", f"<div class='search'><input value='工作总结'><button>搜索</button></div><p>为您找到相关结果约1,234个</p><ul>{''.join(f'<li><h3><a>2024年教育局工作总结{i}</a></h3><p>2024年，在区委区政府的正确领导下，我局坚持以立德树人为根本任务，全面推进教育高质量发展……</p><span>5页</span><span>1.2万次阅读</span></li>' for i in range(8))}</ul><div class='pager'>1 2 3 4 5 下一页</div>"),
 "waf": page("访问验证", "<div><h2>访问验证</h2><p>您的访问过于频繁，请完成验证后继续访问。</p><div id='captcha'></div><p>当前IP：1.2.3.4</p></div>"),
}
summ = "2024年，在区委区政府的正确领导下，我局坚持以立德树人为根本任务，全面推进教育高质量发展，各项工作取得了新的成效。"
blog_items = "".join(f"<div class='post'><h2><a href='/p/{i}.html'>新学期班主任工作体会之{i}</a></h2><div class='meta'>2024-09-0{i} 20:1{i}</div><p>{summ}</p><a href='/p/{i}.html'>阅读全文</a></div>" for i in range(1, 8))
home_cols = "".join(f"<div class='col'><h3>{c}</h3><ul>" + "".join(f"<li><a href='/{c}/{i}.html'>城关区教育局召开{c}工作会议第{i}次</a><span>08-2{i}</span></li>" for i in range(6)) + "</ul></div>" for c in ["工作动态", "通知公告", "政策文件", "信息公开"])
wenku_list = "".join(f"<li><a href='/doc/{i}.html'>2024年教育局工作总结（第{i}篇）</a><p>{summ}</p><span>共5页</span><span>1.2万阅读</span></li>" for i in range(10))
wp_items = "".join(f"<article class='post'><h2 class='entry-title'><a href='/p/{i}.html'>新学期班主任工作体会之{i}</a></h2><div class='entry-meta'><time datetime='2024-09-0{i}T20:1{i}:00+08:00'>2024年9月{i}日</time></div><div class='entry-summary'><p>{summ}</p></div><a href='/p/{i}.html'>阅读全文 »</a></article>" for i in range(1, 6))
listing_cases = {
 "wp_index": ("https://laoli.example.cn/", page("老李的教育随笔 – 记录教育路上的点点滴滴", f"<header><a>老李的教育随笔</a><nav><a>首页</a><a>关于</a></nav></header><main class='site-main'>{wp_items}</main><footer>Powered by WordPress</footer>")),
 "blog_index": ("https://laoli.example.cn/page/2/", page("老李的教育随笔 – 第2页", f"<div class='nav'><a>首页</a><a>关于</a></div>{blog_items}<div class='pager'><a>上一页</a> 2 <a>下一页</a></div>")),
 "gov_home": ("https://jyj.example.gov.cn/", page("城关区教育局", f"<div class='nav'><a>首页</a><a>机构概况</a><a>政务公开</a><a>政务服务</a><a>互动交流</a></div><div class='banner'>办人民满意的教育</div>{home_cols}<div class='footer'>主办单位：城关区教育局 网站标识码：6201020001</div>")),
 "wenku_tag": ("https://www.example-wenku.com/tag/jiaoyuju/", page("教育局工作总结_教育局工作总结范文大全_某某文库", f"<h1>教育局工作总结</h1><ul>{wenku_list}</ul><div class='pager'>1 2 3 下一页</div>")),
}
cases = {**{name: (f"https://www.example.gov.cn/{name}.html", html) for name, html in cases.items()}, **listing_cases}
for name, (url, html) in cases.items():
    out, rej = clean(html, url)
    print(f"{name:12s} rejected={rej!r} chars={len(out)} :: {out[:60]!r}")
