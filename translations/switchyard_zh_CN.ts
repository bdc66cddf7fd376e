<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Autostart</name>
    <message>
        <location filename="../ui/desktop/autostart.cpp" line="93"/>
        <source>Could not remove %1.</source>
        <translation>无法删除 %1。</translation>
    </message>
    <message>
        <location filename="../ui/desktop/autostart.cpp" line="101"/>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>ConfigEditor</name>
    <message>
        <location filename="../gateway/config/configeditor.cpp" line="78"/>
        <location filename="../gateway/config/configeditor.cpp" line="136"/>
        <location filename="../gateway/config/configeditor.cpp" line="154"/>
        <source>The provider “%1” no longer exists.</source>
        <translation>提供商“%1”已不存在。</translation>
    </message>
    <message>
        <location filename="../gateway/config/configeditor.cpp" line="83"/>
        <source>A provider named “%1” already exists.</source>
        <translation>已存在名为“%1”的提供商。</translation>
    </message>
    <message>
        <source>Give the token a name, such as the tool or person that will use it.</source>
        <translation type="vanished">请为令牌命名，例如将使用它的工具或人员。</translation>
    </message>
    <message>
        <location filename="../gateway/config/configeditor.cpp" line="92"/>
        <source>Nothing was saved: renaming “%1” moves its key in the system keychain, which is not available. %2</source>
        <translation>未保存任何内容：重命名“%1”需要移动它在系统钥匙串中的密钥，但系统钥匙串不可用。%2</translation>
    </message>
    <message>
        <location filename="../gateway/config/configeditor.cpp" line="244"/>
        <source>Switchyard could not listen on %1:%2 again either (%3).</source>
        <translation>Switchyard 也无法重新监听 %1:%2（%3）。</translation>
    </message>
    <message>
        <location filename="../gateway/config/configeditor.cpp" line="270"/>
        <source>Give the token a name, such as the tool, person or machine that will use it.</source>
        <translation>请给令牌起个名字，例如将使用它的工具、人员或计算机。</translation>
    </message>
    <message>
        <location filename="../gateway/config/configeditor.cpp" line="275"/>
        <source>A token named “%1” already exists.</source>
        <translation>已存在名为“%1”的令牌。</translation>
    </message>
    <message>
        <location filename="../gateway/config/configeditor.cpp" line="295"/>
        <location filename="../gateway/config/configeditor.cpp" line="309"/>
        <source>The token “%1” no longer exists.</source>
        <translation>令牌“%1”已不存在。</translation>
    </message>
    <message>
        <location filename="../gateway/config/configeditor.cpp" line="313"/>
        <source>This is the last access token and Switchyard listens on %1, where other machines can reach it. Listen on 127.0.0.1 first, then revoke it.</source>
        <translation>这是最后一个访问令牌，而 Switchyard 正在监听 %1，其他计算机可以访问到它。请先改为监听 127.0.0.1，再吊销此令牌。</translation>
    </message>
    <message>
        <location filename="../gateway/config/configeditor.cpp" line="332"/>
        <source>The server URL must look like wss://colink.example.com/ws (or ws:// on a trusted network).</source>
        <translation>服务器 URL 的格式应类似 wss://colink.example.com/ws（在受信任的网络中也可使用 ws://）。</translation>
    </message>
    <message>
        <location filename="../gateway/config/configeditor.cpp" line="400"/>
        <source>Nothing was saved: this change needs the system keychain, which is not available. %1 Switchyard never stores keys in plain text.</source>
        <translation>未保存任何内容：此更改需要系统钥匙串，但钥匙串当前不可用。%1 Switchyard 从不以明文形式存储密钥。</translation>
    </message>
    <message>
        <location filename="../gateway/config/configeditor.cpp" line="412"/>
        <source>Nothing was saved: the keychain refused the key (%1).</source>
        <translation>未保存任何内容：钥匙串拒绝了该密钥（%1）。</translation>
    </message>
    <message>
        <location filename="../gateway/config/configeditor.cpp" line="456"/>
        <source>Nothing was saved: the change would make the configuration invalid (%1).</source>
        <translation>未保存任何内容：此更改会使配置无效（%1）。</translation>
    </message>
    <message>
        <location filename="../gateway/config/configeditor.cpp" line="461"/>
        <source>Nothing was saved: %1</source>
        <translation>未保存任何内容：%1</translation>
    </message>
</context>
<context>
    <name>LogsPage</name>
    <message>
        <source>Select a request to see all of its details here, its error in full.</source>
        <translation type="vanished">选择一条请求，即可在此查看其全部详情和完整的错误信息。</translation>
    </message>
    <message>
        <location filename="../ui/pages/logspage.cpp" line="48"/>
        <source>Select a request to see all of its details here, including the full error.</source>
        <translation>选择一条请求，即可在此查看其全部详情，包括完整的错误信息。</translation>
    </message>
    <message>
        <location filename="../ui/pages/logspage.cpp" line="88"/>
        <source>Filter by model, provider, error, client or endpoint</source>
        <translation>按模型、提供商、错误、客户端或端点筛选</translation>
    </message>
    <message>
        <location filename="../ui/pages/logspage.cpp" line="89"/>
        <source>Shows the requests that contain every word typed here, ignoring case.</source>
        <translation>仅显示包含此处所输入全部词语的请求，不区分大小写。</translation>
    </message>
    <message>
        <location filename="../ui/pages/logspage.cpp" line="105"/>
        <source>All models</source>
        <translation>所有模型</translation>
    </message>
    <message>
        <location filename="../ui/pages/logspage.cpp" line="113"/>
        <source>All statuses</source>
        <translation>所有状态</translation>
    </message>
    <message>
        <location filename="../ui/pages/logspage.cpp" line="114"/>
        <source>Success (2xx)</source>
        <translation>成功（2xx）</translation>
    </message>
    <message>
        <location filename="../ui/pages/logspage.cpp" line="115"/>
        <source>Client errors (4xx)</source>
        <translation>客户端错误（4xx）</translation>
    </message>
    <message>
        <location filename="../ui/pages/logspage.cpp" line="116"/>
        <source>Server errors (5xx)</source>
        <translation>服务器错误（5xx）</translation>
    </message>
    <message>
        <location filename="../ui/pages/logspage.cpp" line="117"/>
        <source>Cancelled (499)</source>
        <translation>已取消（499）</translation>
    </message>
    <message>
        <location filename="../ui/pages/logspage.cpp" line="136"/>
        <source>Scrolls to the newest request and keeps following new ones.</source>
        <translation>滚动到最新的请求，并持续跟随新请求。</translation>
    </message>
    <message>
        <location filename="../ui/pages/logspage.cpp" line="177"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/pages/logspage.cpp" line="213"/>
        <source>Requests: %Ln</source>
        <translation>
            <numerusform>请求数：%Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/pages/logspage.cpp" line="215"/>
        <source>No request matches these filters. Requests in the log: %Ln.</source>
        <translation>
            <numerusform>没有符合这些筛选条件的请求。日志中共有 %Ln 条请求。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/pages/logspage.cpp" line="217"/>
        <source>Showing %L1 of %Ln requests</source>
        <translation>
            <numerusform>显示 %L1 条，共 %Ln 条请求</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/pages/logspage.cpp" line="228"/>
        <source>No requests yet.

Point a client at %1 and each request will appear here as it finishes.</source>
        <translation>暂无请求。

将客户端指向 %1，每个请求完成后都会显示在这里。</translation>
    </message>
    <message>
        <location filename="../ui/pages/logspage.cpp" line="232"/>
        <source>No requests yet.

Switchyard is not listening at the moment, so no client can reach it. Requests will appear here once it serves again.</source>
        <translation>暂无请求。

Switchyard 当前未在监听，任何客户端都无法访问它。恢复服务后，请求将显示在这里。</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/pages/logspage.cpp" line="245"/>
        <source>Jump to the latest (%Ln new)</source>
        <translation>
            <numerusform>跳到最新（%Ln 条新记录）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Jump to the latest (new: %Ln)</source>
        <translation type="vanished">
            <numerusform>跳到最新（%Ln 条新请求）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/pages/logspage.cpp" line="245"/>
        <source>Jump to the latest request</source>
        <translation>跳到最新请求</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="28"/>
        <source>Switchyard</source>
        <translation>Switchyard</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="37"/>
        <source>Copy URL</source>
        <translation>复制 URL</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="68"/>
        <source>Providers</source>
        <translation>提供商</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="69"/>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="70"/>
        <source>Nodes</source>
        <translation>节点</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="71"/>
        <source>Logs</source>
        <translation>日志</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="72"/>
        <source>Usage</source>
        <translation>用量</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="73"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="80"/>
        <source>Trying…</source>
        <translation>正在重试…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="89"/>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="152"/>
        <source>&lt;b&gt;Serving&lt;/b&gt; at &lt;code&gt;%1&lt;/code&gt;</source>
        <translation>&lt;b&gt;正在提供服务&lt;/b&gt;：&lt;code&gt;%1&lt;/code&gt;</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="153"/>
        <source>&lt;b&gt;Not serving&lt;/b&gt;</source>
        <translation>&lt;b&gt;未提供服务&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="161"/>
        <source>The gateway is paused: clients cannot reach it.</source>
        <translation>网关已暂停：客户端无法访问。</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="162"/>
        <source>The gateway is not serving: %1</source>
        <translation>网关未在提供服务：%1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="163"/>
        <source>Change the port…</source>
        <translation>更改端口…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="169"/>
        <source>The system keychain is not available. %1 Until it is, providers whose key is kept there run without it and new keys cannot be saved; Switchyard never stores keys in plain text.</source>
        <translation>系统钥匙串不可用。%1 在其恢复之前，密钥保存在钥匙串中的提供商将在没有密钥的情况下运行，且无法保存新密钥；Switchyard 从不以明文形式存储密钥。</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="173"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="180"/>
        <source>Your configuration file holds %n key(s) in plain text (%1). Move them into the system keychain? Otherwise they are moved the next time Switchyard saves the configuration.</source>
        <translation>
            <numerusform>配置文件中有 %n 个明文密钥（%1）。要将它们移入系统钥匙串吗？否则，Switchyard 下次保存配置时会自动移入。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Your configuration file holds %n key(s) in plain text (%1). Move them into the system keychain? They move anyway the next time Switchyard saves the configuration.</source>
        <translation type="vanished">
            <numerusform>配置文件中有 %n 个密钥以明文保存（%1）。要将其移入系统钥匙串吗？即使不移，Switchyard 下次保存配置时也会将其移入。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="185"/>
        <source>Move to keychain</source>
        <translation>移入钥匙串</translation>
    </message>
</context>
<context>
    <name>ModelLister</name>
    <message>
        <location filename="../gateway/providers/modellister.cpp" line="111"/>
        <source>Switchyard does not know the provider type “%1”.</source>
        <translation>Switchyard 不认识提供商类型“%1”。</translation>
    </message>
    <message>
        <location filename="../gateway/providers/modellister.cpp" line="114"/>
        <source>This is not a usable address. It should start with https:// (or http:// for a server on your own network) and name a host, like https://api.example.com/v1.</source>
        <translation>这不是可用的地址。地址应以 https://（本地网络中的服务器可用 http://）开头并包含主机名，例如 https://api.example.com/v1。</translation>
    </message>
    <message numerus="yes">
        <location filename="../gateway/providers/modellister.cpp" line="188"/>
        <source>%1 did not answer within %n second(s). Check the address, and that this computer can reach it.</source>
        <translation>
            <numerusform>%1 在 %n 秒内没有响应。请检查地址，以及这台计算机能否访问它。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../gateway/providers/modellister.cpp" line="196"/>
        <source>%1 sent more than %2 MB instead of a list of models. Check that the base URL points at the API.</source>
        <translation>%1 返回了超过 %2 MB 的数据，而不是模型列表。请检查基础 URL 是否指向 API。</translation>
    </message>
    <message>
        <location filename="../gateway/providers/modellister.cpp" line="220"/>
        <source>%1 answered, but not in JSON (it looks like a web page or plain text). Check that the base URL points at the API and not at a website.</source>
        <translation>%1 有响应，但不是 JSON（看起来像网页或纯文本）。请检查基础 URL 指向的是 API 而不是网站。</translation>
    </message>
    <message>
        <location filename="../gateway/providers/modellister.cpp" line="225"/>
        <source>%1 answered, but its answer holds no list of models. Check that the provider type matches this API.</source>
        <translation>%1 有响应，但其中没有模型列表。请检查提供商类型是否与该 API 匹配。</translation>
    </message>
    <message>
        <location filename="../gateway/providers/modellister.cpp" line="240"/>
        <source>The host %1 could not be found. Check the spelling of the address, and that this computer is online.</source>
        <translation>找不到主机 %1。请检查地址拼写，以及这台计算机是否已联网。</translation>
    </message>
    <message>
        <location filename="../gateway/providers/modellister.cpp" line="246"/>
        <source>Nothing answers at %1: the connection was refused. Check the port, and that the server is running.</source>
        <translation>%1 没有服务在监听：连接被拒绝。请检查端口，以及服务器是否正在运行。</translation>
    </message>
    <message>
        <location filename="../gateway/providers/modellister.cpp" line="252"/>
        <source>A secure connection to %1 could not be set up (%2). Check that the address starts with the right http:// or https://.</source>
        <translation>无法与 %1 建立安全连接（%2）。请检查地址开头的 http:// 或 https:// 是否正确。</translation>
    </message>
    <message>
        <location filename="../gateway/providers/modellister.cpp" line="259"/>
        <source>%1 did not accept a connection in time. Check the address, and that this computer can reach it.</source>
        <translation>%1 未能及时接受连接。请检查地址，以及这台计算机能否访问它。</translation>
    </message>
    <message>
        <location filename="../gateway/providers/modellister.cpp" line="265"/>
        <source>%1 closed the connection without answering. Check that the address starts with the right http:// or https://.</source>
        <translation>%1 未作应答就关闭了连接。请检查地址开头的 http:// 或 https:// 是否正确。</translation>
    </message>
    <message>
        <location filename="../gateway/providers/modellister.cpp" line="271"/>
        <source>Could not reach %1: %2</source>
        <translation>无法访问 %1：%2</translation>
    </message>
    <message>
        <location filename="../gateway/providers/modellister.cpp" line="286"/>
        <source>The provider needs an API key (HTTP %1). Enter the key from your account.</source>
        <translation>该提供商需要 API 密钥（HTTP %1）。请填写您账户中的密钥。</translation>
    </message>
    <message>
        <location filename="../gateway/providers/modellister.cpp" line="287"/>
        <source>The provider needs an API key (HTTP %1). It said: “%2”</source>
        <translation>该提供商需要 API 密钥（HTTP %1）。它的回复是：“%2”</translation>
    </message>
    <message>
        <location filename="../gateway/providers/modellister.cpp" line="290"/>
        <source>The provider refused the API key (HTTP %1). Check that you copied all of it and that it is still active.</source>
        <translation>该提供商拒绝了此 API 密钥（HTTP %1）。请检查是否完整复制了密钥，以及密钥是否仍然有效。</translation>
    </message>
    <message>
        <location filename="../gateway/providers/modellister.cpp" line="294"/>
        <source>The provider refused the API key (HTTP %1). It said: “%2”</source>
        <translation>该提供商拒绝了此 API 密钥（HTTP %1）。它的回复是：“%2”</translation>
    </message>
    <message>
        <location filename="../gateway/providers/modellister.cpp" line="299"/>
        <source>There is no list of models at %1. Check the base URL: OpenAI-compatible APIs usually end in /v1. If it is right, this provider may not list its models; then add them by hand.</source>
        <translation>%1 处没有模型列表。请检查基础 URL：兼容 OpenAI 的 API 通常以 /v1 结尾。如果地址无误，可能是该提供商不提供模型列表，请手动添加模型。</translation>
    </message>
    <message>
        <location filename="../gateway/providers/modellister.cpp" line="308"/>
        <source>The provider is turning requests away for now (HTTP 429). Wait a moment and test again.</source>
        <translation>该提供商暂时拒绝请求（HTTP 429）。请稍候再测试。</translation>
    </message>
    <message>
        <location filename="../gateway/providers/modellister.cpp" line="309"/>
        <source>The provider is turning requests away for now (HTTP 429). It said: “%1”</source>
        <translation>该提供商暂时拒绝请求（HTTP 429）。它的回复是：“%1”</translation>
    </message>
    <message>
        <location filename="../gateway/providers/modellister.cpp" line="312"/>
        <source>The provider answered with an error (HTTP %1).</source>
        <translation>该提供商返回了错误（HTTP %1）。</translation>
    </message>
    <message>
        <location filename="../gateway/providers/modellister.cpp" line="313"/>
        <source>The provider answered with an error (HTTP %1): “%2”</source>
        <translation>该提供商返回了错误（HTTP %1）：“%2”</translation>
    </message>
</context>
<context>
    <name>ModelMappingEditor</name>
    <message>
        <location filename="../ui/modelmappingeditor.cpp" line="28"/>
        <source>Filter models</source>
        <translation>筛选模型</translation>
    </message>
    <message>
        <source>Provider&apos;s name</source>
        <translation type="vanished">提供商的名称</translation>
    </message>
    <message>
        <source>Name for clients</source>
        <translation type="vanished">对外名称</translation>
    </message>
    <message>
        <location filename="../ui/modelmappingeditor.cpp" line="34"/>
        <source>Provider&apos;s model</source>
        <translation>提供商的模型</translation>
    </message>
    <message>
        <location filename="../ui/modelmappingeditor.cpp" line="34"/>
        <source>Public name</source>
        <translation>对外名称</translation>
    </message>
    <message>
        <location filename="../ui/modelmappingeditor.cpp" line="36"/>
        <source>What the provider calls the model. Tick the models to offer.</source>
        <translation>提供商对该模型使用的名称。勾选要对外提供的模型。</translation>
    </message>
    <message>
        <location filename="../ui/modelmappingeditor.cpp" line="38"/>
        <source>What clients of Switchyard ask for. Usually the same as the provider&apos;s name.</source>
        <translation>Switchyard 的客户端请求时使用的名称，通常与提供商的名称相同。</translation>
    </message>
    <message>
        <location filename="../ui/modelmappingeditor.cpp" line="47"/>
        <source>Add model</source>
        <translation>添加模型</translation>
    </message>
    <message>
        <location filename="../ui/modelmappingeditor.cpp" line="49"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../ui/modelmappingeditor.cpp" line="122"/>
        <source>The provider did not list this name. It may be an alias that still works; if not, untick it.</source>
        <translation>提供商未列出此名称。它可能是仍然可用的别名；如果不可用，请取消勾选。</translation>
    </message>
    <message>
        <location filename="../ui/modelmappingeditor.cpp" line="159"/>
        <source>A ticked row has no provider&apos;s name. Fill it in, or untick the row.</source>
        <translation>有一行已勾选，但缺少提供商的名称。请填写，或取消勾选该行。</translation>
    </message>
    <message>
        <location filename="../ui/modelmappingeditor.cpp" line="163"/>
        <source>Tick at least one model to offer, or add one with “Add model”.</source>
        <translation>请至少勾选一个要对外提供的模型，或通过“添加模型”添加。</translation>
    </message>
    <message>
        <location filename="../ui/modelmappingeditor.cpp" line="167"/>
        <source>Clients could not tell two models apart: “%1” is used twice as a public name.</source>
        <translation>客户端无法区分两个模型：“%1”被用作两次对外名称。</translation>
    </message>
    <message>
        <source>Clients could not tell two models apart: “%1” is used twice as a name for clients.</source>
        <translation type="vanished">客户端将无法区分两个模型：“%1”被重复用作对外名称。</translation>
    </message>
</context>
<context>
    <name>ModelsPage</name>
    <message>
        <location filename="../ui/pages/modelspage.cpp" line="30"/>
        <source>&lt;h2&gt;Models&lt;/h2&gt;What clients can ask for, and who serves it. A request goes to the highest priority first; equal priorities share the load by weight. Double-click a public name, priority or weight to change it.</source>
        <translation>&lt;h2&gt;模型&lt;/h2&gt;客户端可以请求哪些模型，以及由谁提供。请求会优先发往优先级最高的提供方；优先级相同时按权重分担负载。双击对外名称、优先级或权重即可修改。</translation>
    </message>
    <message>
        <location filename="../ui/pages/modelspage.cpp" line="38"/>
        <source>Public name / served by</source>
        <translation>对外名称 / 提供方</translation>
    </message>
    <message>
        <location filename="../ui/pages/modelspage.cpp" line="38"/>
        <source>Provider&apos;s model</source>
        <translation>提供商模型</translation>
    </message>
    <message>
        <location filename="../ui/pages/modelspage.cpp" line="38"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../ui/pages/modelspage.cpp" line="38"/>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <location filename="../ui/pages/modelspage.cpp" line="39"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../ui/pages/modelspage.cpp" line="118"/>
        <source>Paused until %1</source>
        <translation>暂停至 %1</translation>
    </message>
    <message>
        <location filename="../ui/pages/modelspage.cpp" line="121"/>
        <source>Key refused</source>
        <translation>密钥被拒绝</translation>
    </message>
    <message>
        <location filename="../ui/pages/modelspage.cpp" line="123"/>
        <source>Enabled</source>
        <translation>已启用</translation>
    </message>
    <message>
        <location filename="../ui/pages/modelspage.cpp" line="109"/>
        <source>Disabled</source>
        <translation>已禁用</translation>
    </message>
    <message>
        <location filename="../ui/pages/modelspage.cpp" line="68"/>
        <source>Priority and weight belong to the provider “%1” and apply to all of its models.</source>
        <translation>优先级和权重属于提供商“%1”，适用于其所有模型。</translation>
    </message>
    <message>
        <location filename="../ui/pages/modelspage.cpp" line="78"/>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/pages/modelspage.cpp" line="96"/>
        <source>%n candidate(s)</source>
        <translation>
            <numerusform>%n 个候选</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/pages/modelspage.cpp" line="155"/>
        <source>A public model name cannot be empty or contain spaces.</source>
        <translation>对外模型名称不能为空，也不能包含空格。</translation>
    </message>
    <message>
        <location filename="../ui/pages/modelspage.cpp" line="195"/>
        <source>“%1” is not a valid value here. Priorities are whole numbers; weights are whole numbers of 1 or more.</source>
        <translation>“%1”不是有效的值。优先级须为整数；权重须为不小于 1 的整数。</translation>
    </message>
</context>
<context>
    <name>NodesPage</name>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="60"/>
        <source>&lt;h2&gt;Nodes&lt;/h2&gt;Co-Link lets machines pool their providers: share this machine with a Co-Link server, or let other machines&apos; nodes join this gateway.</source>
        <translation>&lt;h2&gt;节点&lt;/h2&gt;Co-Link 让多台计算机汇集各自的提供商：可以将此计算机共享给 Co-Link 服务器，也可以让其他计算机的节点加入此网关。</translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="88"/>
        <source>Share this machine</source>
        <translation>共享此计算机</translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="90"/>
        <source>Offer this machine&apos;s providers to the Co-Link server</source>
        <translation>将此计算机的提供商提供给 Co-Link 服务器</translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="96"/>
        <source>Server URL</source>
        <translation>服务器 URL</translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="100"/>
        <source>Client token</source>
        <translation>客户端令牌</translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="104"/>
        <source>How many of the server&apos;s calls this machine runs at once.</source>
        <translation>此计算机可同时执行的服务器调用数量。</translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="105"/>
        <source>Parallel calls</source>
        <translation>并行调用数</translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="106"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="120"/>
        <location filename="../ui/pages/nodespage.cpp" line="161"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="129"/>
        <source>Enter the Co-Link server URL and your client token first.</source>
        <translation>请先输入 Co-Link 服务器 URL 和客户端令牌。</translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="152"/>
        <source>Nodes connected to this gateway</source>
        <translation>已连接到此网关的节点</translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="160"/>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="160"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="160"/>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="160"/>
        <source>In flight</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="160"/>
        <source>Served</source>
        <translation>已处理</translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="161"/>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="161"/>
        <source>Connected since</source>
        <translation>连接时间</translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="172"/>
        <source>New node token…</source>
        <translation>新建节点令牌…</translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="174"/>
        <source>Revoke</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="181"/>
        <source>Node tokens (one per machine or person; revoking one disconnects its nodes):</source>
        <translation>节点令牌（每台计算机或每人一个；撤销后，用它接入的节点会被断开）：</translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="197"/>
        <source>Stored in the keychain; type to replace</source>
        <translation>已保存在钥匙串中；输入新令牌可替换</translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="198"/>
        <source>client-… (kept in the system keychain)</source>
        <translation>client-…（保存在系统钥匙串中）</translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="236"/>
        <source>Not shared</source>
        <translation>未共享</translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="239"/>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="242"/>
        <source>Connected since %1</source>
        <translation>已连接（自 %1 起）</translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="246"/>
        <source>Disconnected; retrying at %1</source>
        <translation>已断开；将于 %1 重试</translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="254"/>
        <source>Calls served: %1 · in flight: %2 · errors: %3</source>
        <translation>已处理调用：%1 · 处理中：%2 · 错误：%3</translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="256"/>
        <source>Offering: %1</source>
        <translation>正在提供：%1</translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="258"/>
        <source>Last problem: %1</source>
        <translation>最近的问题：%1</translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="267"/>
        <source>Nodes join at %1 with one of the node tokens below.</source>
        <translation>节点使用下方的某个节点令牌，通过 %1 接入。</translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="269"/>
        <source>No node can join yet: make a node token below and give it to the machine that will join.</source>
        <translation>暂时还没有节点可以接入：请在下方创建节点令牌，并交给要接入的计算机。</translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="306"/>
        <source>New node token</source>
        <translation>新建节点令牌</translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="307"/>
        <source>Name (the machine or person that will join):</source>
        <translation>名称（将接入的计算机或人员）：</translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="317"/>
        <source>Node token “%1”</source>
        <translation>节点令牌“%1”</translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="318"/>
        <source>Put this token in the joining machine&apos;s Co-Link client_token (in Switchyard: Nodes → Client token), with %1 as its server URL. Switchyard keeps only its fingerprint and cannot show it again.</source>
        <translation>请将此令牌填入要接入的计算机的 Co-Link client_token（在 Switchyard 中：节点 → 客户端令牌），服务器 URL 填 %1。Switchyard 只保存它的指纹，之后无法再次显示。</translation>
    </message>
    <message>
        <source>Nodes join at %1 with one of the node tokens in the configuration.</source>
        <translation type="vanished">节点使用配置中的任一节点令牌，通过 %1 加入。</translation>
    </message>
    <message>
        <source>No node tokens are configured, so no node can join. Add hub.node_tokens to the configuration to accept nodes.</source>
        <translation type="vanished">未配置任何节点令牌，因此没有节点可以加入。要接受节点，请在配置中添加 hub.node_tokens。</translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="278"/>
        <source>Serving</source>
        <translation>服务中</translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="278"/>
        <source>Registering</source>
        <translation>正在注册</translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="280"/>
        <source>Paused until %1</source>
        <translation>暂停至 %1</translation>
    </message>
</context>
<context>
    <name>ProviderDialog</name>
    <message>
        <location filename="../ui/providerdialog.cpp" line="68"/>
        <location filename="../ui/providerdialog.cpp" line="192"/>
        <source>Add provider</source>
        <translation>添加提供商</translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="79"/>
        <source>Edit provider “%1”</source>
        <translation>编辑提供商“%1”</translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="120"/>
        <source>&amp;Preset:</source>
        <translation>预设(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="124"/>
        <source>How Switchyard names this provider in its lists and logs.</source>
        <translation>此提供商在 Switchyard 的列表和日志中显示的名称。</translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="126"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="130"/>
        <source>The API this provider speaks.</source>
        <translation>此提供商使用的 API。</translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="132"/>
        <source>&amp;Type:</source>
        <translation>类型(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="136"/>
        <source>https://api.example.com/v1</source>
        <translation>https://api.example.com/v1</translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="138"/>
        <source>Base &amp;URL:</source>
        <translation>基础 URL(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="146"/>
        <location filename="../ui/providerdialog.cpp" line="216"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="147"/>
        <source>Show or hide the key</source>
        <translation>显示或隐藏密钥</translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="155"/>
        <source>API &amp;key:</source>
        <translation>API 密钥(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="157"/>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="160"/>
        <source>Ask the provider which models it serves, with this address and key.</source>
        <translation>使用此地址和密钥，向提供商查询其提供的模型。</translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="186"/>
        <source>&amp;Models:</source>
        <translation>模型(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="192"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="216"/>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="244"/>
        <source>OpenAI-compatible API (openai)</source>
        <translation>OpenAI 兼容 API（openai）</translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="246"/>
        <source>Anthropic Messages API (claude)</source>
        <translation>Anthropic Messages API（claude）</translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="248"/>
        <source>Google Gemini API (gemini)</source>
        <translation>Google Gemini API（gemini）</translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="353"/>
        <source>Leave empty to keep the stored key</source>
        <translation>留空则保留已存储的密钥</translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="355"/>
        <source>Leave empty to keep reading it from %1</source>
        <translation>留空则继续从 %1 读取</translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="357"/>
        <source>Leave empty to keep the key written in the configuration file</source>
        <translation>留空则保留配置文件中写明的密钥</translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="359"/>
        <source>Only if the server asks for one</source>
        <translation>仅在服务器要求时填写</translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="361"/>
        <source>Not needed; leave empty</source>
        <translation>无需填写，留空即可</translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="363"/>
        <source>Paste your API key here</source>
        <translation>在此粘贴 API 密钥</translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="372"/>
        <source>Get a key at %1.</source>
        <translation>可在 %1 获取密钥。</translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="374"/>
        <source>No key needed: this server runs on your own computer. Get it at %1.</source>
        <translation>无需密钥：此服务器在您自己的计算机上运行。可从 %1 获取。</translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="376"/>
        <source>Leave the key empty if the server does not ask for one.</source>
        <translation>如果服务器不要求密钥，请留空。</translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="387"/>
        <source>Enter the address of the provider&apos;s API, like https://api.example.com/v1.</source>
        <translation>请输入提供商 API 的地址，例如 https://api.example.com/v1。</translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="393"/>
        <source>This is not a web address. It should start with https:// (or http:// for a server on your own network) and name a host, like https://api.example.com/v1.</source>
        <translation>这不是有效的网址。地址应以 https:// 开头（位于您自己网络中的服务器也可用 http://），并包含主机名，例如 https://api.example.com/v1。</translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="433"/>
        <source>Connected, but the provider lists no models. Add the ones you need by hand.</source>
        <translation>已连接，但提供商未列出任何模型。请手动添加所需的模型。</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/providerdialog.cpp" line="434"/>
        <source>Connected. The provider lists %n model(s); tick the ones to offer.</source>
        <translation>
            <numerusform>已连接。提供商列出了 %n 个模型，请勾选要对外提供的模型。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="440"/>
        <source>The connection test failed: see the message under the API key.</source>
        <translation>连接测试失败：请查看 API 密钥下方的提示。</translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="444"/>
        <source>The connection test failed: see the message under the base URL.</source>
        <translation>连接测试失败：请查看基础 URL 下方的提示。</translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="460"/>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="482"/>
        <source>Give the provider a name.</source>
        <translation>请为提供商命名。</translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="485"/>
        <source>Another provider is already called “%1”. Choose another name.</source>
        <translation>已有其他提供商名为“%1”，请换一个名称。</translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="493"/>
        <source>Enter the API key from your %1 account.</source>
        <translation>请输入您 %1 账户中的 API 密钥。</translation>
    </message>
</context>
<context>
    <name>ProviderPresets</name>
    <message>
        <location filename="../gateway/providers/providerpresets.cpp" line="18"/>
        <source>OpenAI</source>
        <translation>OpenAI</translation>
    </message>
    <message>
        <location filename="../gateway/providers/providerpresets.cpp" line="21"/>
        <source>Anthropic</source>
        <translation>Anthropic</translation>
    </message>
    <message>
        <location filename="../gateway/providers/providerpresets.cpp" line="24"/>
        <source>Google Gemini</source>
        <translation>Google Gemini</translation>
    </message>
    <message>
        <location filename="../gateway/providers/providerpresets.cpp" line="28"/>
        <source>DeepSeek</source>
        <translation>DeepSeek</translation>
    </message>
    <message>
        <location filename="../gateway/providers/providerpresets.cpp" line="31"/>
        <source>Qwen (Alibaba Cloud DashScope)</source>
        <translation>通义千问（阿里云百炼 DashScope）</translation>
    </message>
    <message>
        <location filename="../gateway/providers/providerpresets.cpp" line="35"/>
        <source>Moonshot AI (Kimi)</source>
        <translation>Moonshot AI（Kimi）</translation>
    </message>
    <message>
        <location filename="../gateway/providers/providerpresets.cpp" line="38"/>
        <source>Zhipu GLM</source>
        <translation>智谱 GLM</translation>
    </message>
    <message>
        <location filename="../gateway/providers/providerpresets.cpp" line="42"/>
        <source>OpenRouter</source>
        <translation>OpenRouter</translation>
    </message>
    <message>
        <location filename="../gateway/providers/providerpresets.cpp" line="45"/>
        <source>Ollama (this computer)</source>
        <translation>Ollama（本机）</translation>
    </message>
    <message>
        <location filename="../gateway/providers/providerpresets.cpp" line="49"/>
        <source>LM Studio (this computer)</source>
        <translation>LM Studio（本机）</translation>
    </message>
    <message>
        <location filename="../gateway/providers/providerpresets.cpp" line="51"/>
        <source>Custom (OpenAI-compatible)</source>
        <translation>自定义（兼容 OpenAI）</translation>
    </message>
</context>
<context>
    <name>ProvidersPage</name>
    <message>
        <location filename="../ui/pages/providerspage.cpp" line="31"/>
        <source>&lt;h2&gt;Providers&lt;/h2&gt;Model providers and local servers this machine can call. Keys are kept in the system keychain.</source>
        <translation>&lt;h2&gt;提供商&lt;/h2&gt;此计算机可以调用的模型提供商和本地服务器。密钥保存在系统钥匙串中。</translation>
    </message>
    <message>
        <location filename="../ui/pages/providerspage.cpp" line="41"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../ui/pages/providerspage.cpp" line="41"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../ui/pages/providerspage.cpp" line="41"/>
        <source>Base URL</source>
        <translation>基础 URL</translation>
    </message>
    <message>
        <location filename="../ui/pages/providerspage.cpp" line="41"/>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../ui/pages/providerspage.cpp" line="41"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../ui/pages/providerspage.cpp" line="46"/>
        <source>No providers yet. Click &lt;b&gt;Add provider&lt;/b&gt; to connect OpenAI, Anthropic, Gemini, a local Ollama and more.</source>
        <translation>尚无提供商。点击&lt;b&gt;添加提供商&lt;/b&gt;即可连接 OpenAI、Anthropic、Gemini、本地 Ollama 等。</translation>
    </message>
    <message>
        <location filename="../ui/pages/providerspage.cpp" line="58"/>
        <source>Add provider…</source>
        <translation>添加提供商…</translation>
    </message>
    <message>
        <location filename="../ui/pages/providerspage.cpp" line="60"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../ui/pages/providerspage.cpp" line="62"/>
        <location filename="../ui/pages/providerspage.cpp" line="168"/>
        <source>Disable</source>
        <translation>禁用</translation>
    </message>
    <message>
        <location filename="../ui/pages/providerspage.cpp" line="64"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../ui/pages/providerspage.cpp" line="93"/>
        <source>Disabled</source>
        <translation>已禁用</translation>
    </message>
    <message>
        <location filename="../ui/pages/providerspage.cpp" line="104"/>
        <source>Edit the provider to enter its API key.</source>
        <translation>请编辑该提供商以输入其 API 密钥。</translation>
    </message>
    <message>
        <location filename="../ui/pages/providerspage.cpp" line="105"/>
        <source>The keychain is not available, so the key cannot be read.</source>
        <translation>钥匙串不可用，因此无法读取密钥。</translation>
    </message>
    <message>
        <location filename="../ui/pages/providerspage.cpp" line="106"/>
        <source>No key</source>
        <translation>缺少密钥</translation>
    </message>
    <message>
        <location filename="../ui/pages/providerspage.cpp" line="109"/>
        <location filename="../ui/pages/providerspage.cpp" line="123"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../ui/pages/providerspage.cpp" line="113"/>
        <source>Key refused</source>
        <translation>密钥被拒绝</translation>
    </message>
    <message>
        <location filename="../ui/pages/providerspage.cpp" line="119"/>
        <source>Paused until %1</source>
        <translation>暂停至 %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/pages/providerspage.cpp" line="122"/>
        <source>OK · %n request(s) served</source>
        <translation>
            <numerusform>正常 · 已处理 %n 个请求</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/pages/providerspage.cpp" line="138"/>
        <source>(default)</source>
        <translation>（默认）</translation>
    </message>
    <message>
        <location filename="../ui/pages/providerspage.cpp" line="168"/>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../ui/pages/providerspage.cpp" line="238"/>
        <source>Delete provider</source>
        <translation>删除提供商</translation>
    </message>
    <message>
        <location filename="../ui/pages/providerspage.cpp" line="239"/>
        <source>Delete the provider “%1” and its key in the keychain? Clients asking for its models will be routed to other providers, if any serve them.</source>
        <translation>要删除提供商“%1”及其在钥匙串中的密钥吗？请求其模型的客户端将被转到其他提供这些模型的提供商（如有）。</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/desktopentry.cpp" line="42"/>
        <source>Switchyard cannot start</source>
        <translation>Switchyard 无法启动</translation>
    </message>
</context>
<context>
    <name>RequestFormat</name>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="47"/>
        <source>Bad request: the client sent something that could not be accepted.</source>
        <translation>错误的请求：客户端发送的内容无法被接受。</translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="50"/>
        <source>Not allowed: an access token or a provider key was refused.</source>
        <translation>不允许：访问令牌或提供商密钥被拒绝。</translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="52"/>
        <source>Not found: no provider serves this model, or the address does not exist.</source>
        <translation>未找到：没有提供商提供此模型，或该地址不存在。</translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="55"/>
        <source>Timed out: the provider did not answer in time.</source>
        <translation>超时：提供商未能及时响应。</translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="57"/>
        <source>Too large: the request is over the size limit.</source>
        <translation>请求过大：请求超出了大小限制。</translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="59"/>
        <source>Rate limited: the provider asked to slow down.</source>
        <translation>已限流：提供商要求降低请求频率。</translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="61"/>
        <source>Cancelled: the client went away before the answer was complete.</source>
        <translation>已取消：客户端在响应完成之前断开了连接。</translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="64"/>
        <source>Provider unavailable: it failed or could not be reached.</source>
        <translation>提供商不可用：提供商出错或无法访问。</translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="70"/>
        <source>Success.</source>
        <translation>成功。</translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="72"/>
        <source>Client error: the request was refused.</source>
        <translation>客户端错误：请求被拒绝。</translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="74"/>
        <source>Server error: the request failed on the way or at the provider.</source>
        <translation>服务器错误：请求在转发途中或在提供商处失败。</translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="79"/>
        <source>No answer was sent.</source>
        <translation>未发送任何响应。</translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="121"/>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="122"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="134"/>
        <source>%1 → %2</source>
        <comment>prompt tokens → completion tokens</comment>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="140"/>
        <source>Switchyard itself</source>
        <translation>Switchyard 自身</translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="143"/>
        <source>%1 (Co-Link node)</source>
        <translation>%1（Co-Link 节点）</translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="151"/>
        <source>Switchyard answered this request itself; no provider was asked.</source>
        <translation>此请求由 Switchyard 直接响应，未请求任何提供商。</translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="153"/>
        <source>Sent to %1.</source>
        <translation>已发送至 %1。</translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="154"/>
        <source>Sent to %1 as the model %2.</source>
        <translation>已作为模型 %2 发送至 %1。</translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="159"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="160"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="163"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="163"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="167"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="170"/>
        <source>Received</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="171"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="173"/>
        <source>Provider or node</source>
        <translation>提供商或节点</translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="174"/>
        <source>None: Switchyard answered this request itself.</source>
        <translation>无：此请求由 Switchyard 直接响应。</translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="175"/>
        <source>Model at the provider</source>
        <translation>提供商处的模型</translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="176"/>
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="177"/>
        <source>Latency</source>
        <translation>延迟</translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="178"/>
        <source>Time to first byte</source>
        <translation>首字节时间</translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="179"/>
        <source>Prompt tokens</source>
        <translation>输入 Token</translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="180"/>
        <source>Completion tokens</source>
        <translation>输出 Token</translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="181"/>
        <source>Streamed</source>
        <translation>流式传输</translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="182"/>
        <source>Endpoint</source>
        <translation>端点</translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="183"/>
        <source>Client</source>
        <translation>客户端</translation>
    </message>
</context>
<context>
    <name>RequestLogModel</name>
    <message>
        <location filename="../ui/pages/requestlogmodel.cpp" line="77"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../ui/pages/requestlogmodel.cpp" line="79"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../ui/pages/requestlogmodel.cpp" line="81"/>
        <source>Provider or node</source>
        <translation>提供商或节点</translation>
    </message>
    <message>
        <location filename="../ui/pages/requestlogmodel.cpp" line="83"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../ui/pages/requestlogmodel.cpp" line="85"/>
        <source>Latency</source>
        <translation>延迟</translation>
    </message>
    <message>
        <location filename="../ui/pages/requestlogmodel.cpp" line="87"/>
        <source>First byte</source>
        <translation>首字节</translation>
    </message>
    <message>
        <location filename="../ui/pages/requestlogmodel.cpp" line="89"/>
        <source>Tokens</source>
        <translation>Token</translation>
    </message>
    <message>
        <location filename="../ui/pages/requestlogmodel.cpp" line="91"/>
        <source>Stream</source>
        <translation>流式</translation>
    </message>
    <message>
        <location filename="../ui/pages/requestlogmodel.cpp" line="151"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../ui/pages/requestlogmodel.cpp" line="151"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../ui/pages/requestlogmodel.cpp" line="162"/>
        <source>The request named no model.</source>
        <translation>该请求未指定模型。</translation>
    </message>
    <message>
        <location filename="../ui/pages/requestlogmodel.cpp" line="169"/>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <location filename="../ui/pages/requestlogmodel.cpp" line="172"/>
        <source>From the request&apos;s arrival to the end of the answer.</source>
        <translation>从收到请求到响应结束的时长。</translation>
    </message>
    <message>
        <location filename="../ui/pages/requestlogmodel.cpp" line="174"/>
        <source>No byte of an answer reached the client.</source>
        <translation>客户端未收到任何响应数据。</translation>
    </message>
    <message>
        <location filename="../ui/pages/requestlogmodel.cpp" line="175"/>
        <source>From the request&apos;s arrival to the first byte sent to the client.</source>
        <translation>从收到请求到向客户端发出第一个字节的时长。</translation>
    </message>
    <message>
        <location filename="../ui/pages/requestlogmodel.cpp" line="178"/>
        <source>The provider reported no token counts.</source>
        <translation>提供商未报告 Token 数量。</translation>
    </message>
    <message>
        <location filename="../ui/pages/requestlogmodel.cpp" line="179"/>
        <source>Prompt tokens: %1. Completion tokens: %2.</source>
        <translation>输入 Token：%1。输出 Token：%2。</translation>
    </message>
    <message>
        <location filename="../ui/pages/requestlogmodel.cpp" line="182"/>
        <source>The answer was streamed.</source>
        <translation>响应以流式方式发送。</translation>
    </message>
    <message>
        <location filename="../ui/pages/requestlogmodel.cpp" line="182"/>
        <source>The answer was sent whole.</source>
        <translation>响应一次性完整发送。</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="39"/>
        <source>&lt;h2&gt;Settings&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;设置&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Serving</source>
        <translation type="vanished">服务</translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="69"/>
        <source>Gateway</source>
        <translation>网关</translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="76"/>
        <source>127.0.0.1 serves this machine only. Other addresses need at least one access token.</source>
        <translation>127.0.0.1 仅为本机提供服务。其他地址至少需要一个访问令牌。</translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="82"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="84"/>
        <source>Listen address</source>
        <translation>监听地址</translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="90"/>
        <source>One origin per line, e.g. https://app.example.com</source>
        <translation>每行一个来源，例如 https://app.example.com</translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="92"/>
        <source>Allowed browser origins (CORS)</source>
        <translation>允许的浏览器来源（CORS）</translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="97"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="99"/>
        <source>How long a provider that failed is left out before it is tried again.</source>
        <translation>出错的提供商在再次尝试之前被暂停的时长。</translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="100"/>
        <source>Pause a failing provider for</source>
        <translation>出错提供商暂停时长</translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="106"/>
        <source>How many providers a request may try before the client gets an error.</source>
        <translation>在客户端收到错误之前，一个请求最多可尝试的提供商数量。</translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="107"/>
        <source>Attempts per request</source>
        <translation>每个请求的尝试次数</translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="109"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="124"/>
        <source>Access tokens</source>
        <translation>访问令牌</translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="126"/>
        <source>With at least one token, every client must send one (Authorization: Bearer …). Only a fingerprint of each token is kept; the token is shown once, when it is made. A token can be limited to some models and client addresses, a number of requests per minute, and a quota per day or month.</source>
        <translation>只要存在至少一个令牌，每个客户端都必须发送令牌（Authorization: Bearer …）。每个令牌只保存其指纹；令牌仅在生成时显示一次。令牌可以限定可用的模型和客户端地址、每分钟请求数，以及每日或每月的额度。</translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="136"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="136"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="136"/>
        <source>Expires</source>
        <translation>过期时间</translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="136"/>
        <source>Limits</source>
        <translation>限制</translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="136"/>
        <source>Used this period</source>
        <translation>本周期用量</translation>
    </message>
    <message>
        <source>With at least one token, every client must send one (Authorization: Bearer …). Only a fingerprint of each token is kept; the token is shown once, when it is made.</source>
        <translation type="vanished">只要存在至少一个令牌，每个客户端都必须发送令牌（Authorization: Bearer …）。每个令牌只保存其指纹；令牌仅在生成时显示一次。</translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="143"/>
        <source>Generate token…</source>
        <translation>生成令牌…</translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="145"/>
        <source>Revoke</source>
        <translation>吊销</translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="147"/>
        <location filename="../ui/pages/settingspage.cpp" line="164"/>
        <source>Disable</source>
        <translation>禁用</translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="163"/>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="171"/>
        <source>Desktop</source>
        <translation>桌面</translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="175"/>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="179"/>
        <source>Takes effect when Switchyard next starts.</source>
        <translation>下次启动 Switchyard 时生效。</translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="184"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="188"/>
        <source>Start Switchyard when I log in</source>
        <translation>登录时启动 Switchyard</translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="225"/>
        <source>models: %1</source>
        <translation>模型：%1</translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="227"/>
        <source>clients: %1</source>
        <translation>客户端：%1</translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="229"/>
        <source>%1/min</source>
        <translation>%1 次/分钟</translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="230"/>
        <source>day</source>
        <translation>天</translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="230"/>
        <source>month</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="232"/>
        <source>%1 requests per %2</source>
        <translation>每%2 %1 次请求</translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="234"/>
        <source>%1 tokens per %2</source>
        <translation>每%2 %1 个 Token</translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="235"/>
        <location filename="../ui/pages/settingspage.cpp" line="260"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="250"/>
        <source>disabled</source>
        <translation>已禁用</translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="250"/>
        <source>expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="250"/>
        <source>active</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="253"/>
        <location filename="../ui/pages/settingspage.cpp" line="260"/>
        <source>never</source>
        <translation>永不</translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="255"/>
        <source>%1 requests, %2 tokens</source>
        <translation>%1 次请求，%2 个 Token</translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="260"/>
        <source>in the config file</source>
        <translation>在配置文件中</translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="263"/>
        <source>From gateway.access_tokens in the config: no limits, and it may read everyone&apos;s usage.</source>
        <translation>来自配置中的 gateway.access_tokens：不受限制，并且可以查看所有人的用量。</translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="266"/>
        <source>No tokens: any program on this machine may use the gateway.</source>
        <translation>无令牌：此计算机上的任何程序都可以使用网关。</translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="293"/>
        <source>Saved. Serving at %1</source>
        <translation>已保存。正在 %1 提供服务</translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="294"/>
        <source>Saved. The gateway is paused; it will serve at the new address when you resume it.</source>
        <translation>已保存。网关已暂停；恢复后将在新地址上提供服务。</translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="365"/>
        <source>This is the last access token and Switchyard listens on %1, where other machines can reach it. Listen on 127.0.0.1 first, then revoke it.</source>
        <translation>这是最后一个访问令牌，而 Switchyard 正在监听 %1，其他计算机可以访问到它。请先改为监听 127.0.0.1，再吊销此令牌。</translation>
    </message>
    <message>
        <source>Generate access token</source>
        <translation type="vanished">生成访问令牌</translation>
    </message>
    <message>
        <source>Name (the tool or person that will use it):</source>
        <translation type="vanished">名称（将使用它的工具或人员）：</translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="342"/>
        <source>Access token “%1”</source>
        <translation>访问令牌“%1”</translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="343"/>
        <source>Copy this token now and give it to the tool that will use it. Switchyard keeps only its fingerprint and cannot show it again.</source>
        <translation>请立即复制此令牌，并交给将使用它的工具。Switchyard 只保存它的指纹，之后无法再次显示。</translation>
    </message>
    <message>
        <source>Copy this token now. Switchyard keeps only its fingerprint and cannot show it again.</source>
        <translation type="vanished">请立即复制此令牌。Switchyard 只保存其指纹，之后无法再次显示。</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="vanished">复制</translation>
    </message>
</context>
<context>
    <name>TokenDialog</name>
    <message>
        <location filename="../ui/tokendialog.cpp" line="35"/>
        <source>New access token</source>
        <translation>新建访问令牌</translation>
    </message>
    <message>
        <location filename="../ui/tokendialog.cpp" line="40"/>
        <source>The tool, person or machine that will use it</source>
        <translation>将使用它的工具、人员或计算机</translation>
    </message>
    <message>
        <location filename="../ui/tokendialog.cpp" line="41"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../ui/tokendialog.cpp" line="43"/>
        <source>Expires after</source>
        <translation>过期日期</translation>
    </message>
    <message>
        <location filename="../ui/tokendialog.cpp" line="53"/>
        <source>Expiry</source>
        <translation>有效期</translation>
    </message>
    <message>
        <location filename="../ui/tokendialog.cpp" line="58"/>
        <source>All models</source>
        <translation>所有模型</translation>
    </message>
    <message>
        <location filename="../ui/tokendialog.cpp" line="59"/>
        <source>Comma-separated public model names. Available: %1</source>
        <translation>以逗号分隔的公开模型名称。可用模型：%1</translation>
    </message>
    <message>
        <location filename="../ui/tokendialog.cpp" line="60"/>
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <location filename="../ui/tokendialog.cpp" line="61"/>
        <source>Allowed models</source>
        <translation>允许的模型</translation>
    </message>
    <message>
        <location filename="../ui/tokendialog.cpp" line="65"/>
        <source>Any address, e.g. 192.168.1.0/24, fd00::/8</source>
        <translation>任意地址，例如 192.168.1.0/24、fd00::/8</translation>
    </message>
    <message>
        <location filename="../ui/tokendialog.cpp" line="66"/>
        <source>Allowed client addresses</source>
        <translation>允许的客户端地址</translation>
    </message>
    <message>
        <location filename="../ui/tokendialog.cpp" line="71"/>
        <location filename="../ui/tokendialog.cpp" line="77"/>
        <location filename="../ui/tokendialog.cpp" line="81"/>
        <source>No limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../ui/tokendialog.cpp" line="72"/>
        <source>Requests per minute</source>
        <translation>每分钟请求数</translation>
    </message>
    <message>
        <location filename="../ui/tokendialog.cpp" line="82"/>
        <source> thousand tokens</source>
        <translation> 千 Token</translation>
    </message>
    <message>
        <location filename="../ui/tokendialog.cpp" line="85"/>
        <source>per month</source>
        <translation>每月</translation>
    </message>
    <message>
        <location filename="../ui/tokendialog.cpp" line="86"/>
        <source>per day</source>
        <translation>每日</translation>
    </message>
    <message>
        <location filename="../ui/tokendialog.cpp" line="89"/>
        <source>requests,</source>
        <translation>次请求，</translation>
    </message>
    <message>
        <location filename="../ui/tokendialog.cpp" line="92"/>
        <source>Quota</source>
        <translation>额度</translation>
    </message>
    <message>
        <location filename="../ui/tokendialog.cpp" line="96"/>
        <source>Create token</source>
        <translation>创建令牌</translation>
    </message>
    <message>
        <location filename="../ui/tokendialog.cpp" line="125"/>
        <source>Give the token a name, such as the tool, person or machine that will use it.</source>
        <translation>请给令牌起个名字，例如将使用它的工具、人员或计算机。</translation>
    </message>
    <message>
        <location filename="../ui/tokendialog.cpp" line="130"/>
        <source>A token named “%1” already exists.</source>
        <translation>已存在名为“%1”的令牌。</translation>
    </message>
    <message>
        <location filename="../ui/tokendialog.cpp" line="136"/>
        <source>“%1” is not an address range such as 192.168.1.0/24 or fd00::/8.</source>
        <translation>“%1”不是有效的地址范围，例如 192.168.1.0/24 或 fd00::/8。</translation>
    </message>
</context>
<context>
    <name>TokenRevealDialog</name>
    <message>
        <location filename="../ui/tokenrevealdialog.cpp" line="28"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../ui/tokenrevealdialog.cpp" line="32"/>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
</context>
<context>
    <name>TrayController</name>
    <message>
        <location filename="../ui/tray/traycontroller.cpp" line="23"/>
        <source>Copy base URL</source>
        <translation>复制基础 URL</translation>
    </message>
    <message>
        <location filename="../ui/tray/traycontroller.cpp" line="27"/>
        <source>Open Switchyard</source>
        <translation>打开 Switchyard</translation>
    </message>
    <message>
        <location filename="../ui/tray/traycontroller.cpp" line="28"/>
        <source>Share this machine</source>
        <translation>共享此计算机</translation>
    </message>
    <message>
        <location filename="../ui/tray/traycontroller.cpp" line="30"/>
        <source>Pause gateway</source>
        <translation>暂停网关</translation>
    </message>
    <message>
        <location filename="../ui/tray/traycontroller.cpp" line="33"/>
        <source>Quit Switchyard</source>
        <translation>退出 Switchyard</translation>
    </message>
    <message>
        <location filename="../ui/tray/traycontroller.cpp" line="53"/>
        <source>Switchyard could not change sharing</source>
        <translation>Switchyard 无法更改共享状态</translation>
    </message>
    <message>
        <location filename="../ui/tray/traycontroller.cpp" line="139"/>
        <source>Not serving</source>
        <translation>未提供服务</translation>
    </message>
    <message>
        <location filename="../ui/tray/traycontroller.cpp" line="141"/>
        <source>Requests today: %1</source>
        <translation>今日请求：%1</translation>
    </message>
    <message>
        <location filename="../ui/tray/traycontroller.cpp" line="156"/>
        <source>Switchyard: serving at %1</source>
        <translation>Switchyard：正在 %1 提供服务</translation>
    </message>
    <message>
        <location filename="../ui/tray/traycontroller.cpp" line="159"/>
        <source>Switchyard: serving at %1 and sharing this machine</source>
        <translation>Switchyard：正在 %1 提供服务，并共享此计算机</translation>
    </message>
    <message>
        <location filename="../ui/tray/traycontroller.cpp" line="162"/>
        <source>Switchyard: paused</source>
        <translation>Switchyard：已暂停</translation>
    </message>
    <message>
        <location filename="../ui/tray/traycontroller.cpp" line="165"/>
        <source>Switchyard: the keychain is not available</source>
        <translation>Switchyard：钥匙串不可用</translation>
    </message>
    <message>
        <location filename="../ui/tray/traycontroller.cpp" line="165"/>
        <source>Switchyard: not serving</source>
        <translation>Switchyard：未提供服务</translation>
    </message>
</context>
<context>
    <name>UsageCharts</name>
    <message>
        <location filename="../ui/pages/usagecharts.cpp" line="50"/>
        <source>ddd d</source>
        <comment>QDate format of a day on the usage charts, for a week</comment>
        <translation>ddd d日</translation>
    </message>
    <message>
        <location filename="../ui/pages/usagecharts.cpp" line="51"/>
        <source>MMM d</source>
        <comment>QDate format of a day on the usage charts, for a month</comment>
        <translation>M月d日</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/pages/usagecharts.cpp" line="102"/>
        <source>%1 on %2. Requests: %Ln</source>
        <translation>
            <numerusform>%1，%2：请求数 %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/pages/usagecharts.cpp" line="103"/>
        <source>%1 on %2. Tokens: %Ln</source>
        <translation>
            <numerusform>%1，%2：Token 数 %Ln</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/pages/usagecharts.cpp" line="129"/>
        <source>Requests per day</source>
        <translation>每日请求数</translation>
    </message>
    <message>
        <location filename="../ui/pages/usagecharts.cpp" line="129"/>
        <source>Tokens per day (prompt and completion)</source>
        <translation>每日 Token 数（输入和输出）</translation>
    </message>
    <message>
        <location filename="../ui/pages/usagecharts.cpp" line="141"/>
        <source>Median (p50)</source>
        <translation>中位数（p50）</translation>
    </message>
    <message>
        <location filename="../ui/pages/usagecharts.cpp" line="142"/>
        <source>p90</source>
        <translation>p90</translation>
    </message>
    <message>
        <location filename="../ui/pages/usagecharts.cpp" line="143"/>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <location filename="../ui/pages/usagecharts.cpp" line="149"/>
        <source>Milliseconds</source>
        <translation>毫秒</translation>
    </message>
    <message>
        <location filename="../ui/pages/usagecharts.cpp" line="168"/>
        <source>Latency of successful requests</source>
        <translation>成功请求的延迟</translation>
    </message>
</context>
<context>
    <name>UsagePage</name>
    <message>
        <location filename="../ui/pages/usagepage.cpp" line="68"/>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <location filename="../ui/pages/usagepage.cpp" line="69"/>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <location filename="../ui/pages/usagepage.cpp" line="70"/>
        <source>&amp;Period:</source>
        <translation>时间范围(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../ui/pages/usagepage.cpp" line="112"/>
        <source>Requests</source>
        <translation>请求数</translation>
    </message>
    <message>
        <location filename="../ui/pages/usagepage.cpp" line="113"/>
        <source>Errors</source>
        <translation>错误数</translation>
    </message>
    <message>
        <location filename="../ui/pages/usagepage.cpp" line="114"/>
        <source>Tokens</source>
        <translation>Token 数</translation>
    </message>
    <message>
        <location filename="../ui/pages/usagepage.cpp" line="115"/>
        <source>Estimated cost</source>
        <translation>预估费用</translation>
    </message>
    <message>
        <location filename="../ui/pages/usagepage.cpp" line="178"/>
        <source>The usage figures could not be read from the request log: %1</source>
        <translation>无法从请求日志中读取用量数据：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/pages/usagepage.cpp" line="181"/>
        <source>No requests in the last %Ln days.

Once clients send requests through Switchyard, this page charts them per provider and per day.</source>
        <translation>
            <numerusform>最近 %Ln 天内没有请求。

客户端通过 Switchyard 发送请求后，此页面会按提供商和日期以图表展示这些请求。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/pages/usagepage.cpp" line="195"/>
        <source>in the last %Ln days</source>
        <translation>
            <numerusform>最近 %Ln 天</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/pages/usagepage.cpp" line="198"/>
        <source>%1% of requests</source>
        <translation>占请求总数的 %1%</translation>
    </message>
    <message>
        <location filename="../ui/pages/usagepage.cpp" line="210"/>
        <source>at the prices in the config</source>
        <translation>按配置中的价格计算</translation>
    </message>
    <message>
        <location filename="../ui/pages/usagepage.cpp" line="211"/>
        <source>without %1 (no price)</source>
        <translation>不含 %1（未设置价格）</translation>
    </message>
    <message>
        <source>%1 % of the requests</source>
        <translation type="vanished">占请求总数的 %1%</translation>
    </message>
    <message>
        <location filename="../ui/pages/usagepage.cpp" line="199"/>
        <source>no requests</source>
        <translation>无请求</translation>
    </message>
    <message>
        <location filename="../ui/pages/usagepage.cpp" line="202"/>
        <source>%1 prompt, %2 completion</source>
        <translation>输入 %1，输出 %2</translation>
    </message>
</context>
</TS>
