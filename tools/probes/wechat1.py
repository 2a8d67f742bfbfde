"""A county education bureau's WeChat article, with the in-article chrome such accounts print."""
from harness import check
from news1 import TITLE, PS, page

def wx(inner):
    return page(TITLE, f"""
<div id="js_article" class="rich_media"><div class="rich_media_inner"><div id="page-content" class="rich_media_area_primary"><div class="rich_media_area_primary_inner">
<h1 class="rich_media_title" id="activity-name">{TITLE}</h1>
<div id="meta_content" class="rich_media_meta_list"><span id="copyright_logo" class="wx_tap_link js_wx_tap_highlight rich_media_meta icon_appmsg_tag appmsg_title_tag weui-wa-hotarea">原创</span>
<span class="rich_media_meta rich_media_meta_text">城关区教育局</span><span class="rich_media_meta rich_media_meta_nickname" id="profileBt"><a id="js_name">城关教育</a></span>
<em id="publish_time" class="rich_media_meta rich_media_meta_text">2024-08-26 18:30</em><em id="js_ip_wording_wrp" class="rich_media_meta rich_media_meta_text"><span id="js_ip_wording">甘肃</span></em></div>
<div class="rich_media_content js_underline_content autoTypeSetting24psection" id="js_content" style="visibility: hidden;">{inner}</div>
<div id="js_tags_preview_toast" class="article-tag__error-tips" style="display: none;">预览时标签不可点</div>
<div class="rich_media_tool_area"><div id="js_read_area3" class="media_tool_meta tips_global_primary meta_primary">阅读原文</div><div>阅读 1234</div></div></div></div></div>
<div id="js_pc_qr_code" class="qr_code_pc_outer"><div class="qr_code_pc_inner"><div class="qr_code_pc"><img id="js_pc_qr_code_img" class="qr_code_pc_img"><p>微信扫一扫<br>关注该公众号</p></div></div></div></div>
<div class="wx_profile_card_inner"><strong class="wx_profile_nickname">城关教育</strong><div class="wx_profile_desc">城关区教育局官方微信公众号，发布全区教育动态、政策解读和服务信息。</div></div>
<div>继续滑动看下一个</div><div>轻触阅读原文</div><div><span>城关教育</span><span>向上滑动看下一个</span></div>
<div>知道了</div><div>微信扫一扫<br>使用小程序</div><div>取消 允许</div><div>：，。视频小程序赞，轻点两下取消赞在看，轻点两下取消在看分享留言收藏听过</div>""")

sec = lambda t: f'<section style="text-align:center;"><span style="color:#1e6fff;font-size:15px;"><strong>{t}</strong></span></section>'
ps = "".join(f'<section style="line-height:1.75em;text-indent:2em;"><span style="font-size:15px;">{p}</span></section>' for p in PS)
chrome_top = '<section style="text-align:center;"><span style="font-size:12px;color:#888;">点击上方蓝字 关注我们</span></section><p><img data-src="https://mmbiz.qpic.cn/x.gif"></p>'
chrome_end = ('<p style="text-align:center;"><span>END</span></p>'
              '<section><span style="font-size:12px;">来源：城关区教育局办公室</span></section>'
              '<section><span style="font-size:12px;">编辑：李华</span></section>'
              '<section><span style="font-size:12px;">审核：王建国</span></section>'
              '<p><img data-src="https://mmbiz.qpic.cn/qr.jpg"></p><section><span>长按识别二维码关注我们</span></section>'
              '<section><strong>往期推荐</strong></section>'
              '<p><a href="https://mp.weixin.qq.com/s?__biz=1">全市教育系统安全工作会议召开</a></p>'
              '<p><a href="https://mp.weixin.qq.com/s?__biz=2">我区3所学校获评省级文明校园</a></p>'
              '<p><a href="https://mp.weixin.qq.com/s?__biz=3">秋季学期中小学课后服务实施方案出台</a></p>'
              '<section style="text-align:center;"><span>分享</span><span>收藏</span><span>点赞</span><span>在看</span></section>'
              '<section style="text-align:center;"><span style="font-size:12px;">点个“在看”，你最好看</span></section>')
L = {"wx_plain": ("https://mp.weixin.qq.com/s/AbCdEfGh123", wx(ps)),
     "wx_chrome": ("https://mp.weixin.qq.com/s/AbCdEfGh124", wx(chrome_top + ps + chrome_end)),
     "wx_sections": ("https://mp.weixin.qq.com/s/AbCdEfGh125", wx(chrome_top + sec("一、会议内容") + ps + sec("二、工作要求") + chrome_end))}
EXPS = {"wx_plain": [TITLE] + PS, "wx_chrome": [TITLE] + PS, "wx_sections": [TITLE, "一、会议内容"] + PS + ["二、工作要求"]}
if __name__ == "__main__":
    import sys
    n = 0
    for name, (url, html) in L.items():
        n += check(name, html, url, "\n".join(EXPS[name]), "-v" in sys.argv)
    print(f"{n}/{len(L)} ok")
