# Leaves three traces that the chef-solo workflow checks, none of which a fresh GitHub runner has
# (the workflow checks that before the deploy): a file, a package, and a service this recipe creates.

# A file holding attributes from the node's tree and from neckbeard itself.
directory '/etc/neckbeard-demo' do
  mode '0755'
end

file '/etc/neckbeard-demo/marker' do
  content "#{node['marker']['greeting']}\n" \
          "node=#{node['neckbeard']['node']} generation=#{node['neckbeard']['generation']}\n"
  mode '0644'
end

# A package from the params (sl in the example: not on the GitHub runner image).
package node['marker']['package']

# A systemd service of its own (systemd_unit writes the unit file, reloads systemd, enables and starts
# it): python3's web server on 127.0.0.1, serving the directory above, so the marker file can be fetched.
systemd_unit "#{node['marker']['service']}.service" do
  content <<~UNIT
    [Unit]
    Description=neckbeard chef-solo demo: serves /etc/neckbeard-demo on 127.0.0.1:#{node['marker']['port']}

    [Service]
    ExecStart=/usr/bin/python3 -m http.server #{node['marker']['port']} --bind 127.0.0.1 --directory /etc/neckbeard-demo
    DynamicUser=yes

    [Install]
    WantedBy=multi-user.target
  UNIT
  action [:create, :enable, :start]
end
